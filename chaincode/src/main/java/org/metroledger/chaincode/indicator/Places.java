package org.metroledger.chaincode.indicator;

import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.shim.ChaincodeStub;

/** The places that have tallies, read from their marker rows. */
public final class Places {
    private Places() {}

    /**
     * Every place with tallies whose region, province and category match (null matches any; a
     * null category matches only the rows of all categories, {@link Place#ALL}), in key order.
     */
    public static List<Place> matching(ChaincodeStub stub, String region, String province, String category) {
        String prefix = region == null
                ? Keys.prefix("P")
                : province == null ? Keys.prefix("P", region) : Keys.prefix("P", region, province);
        String wanted = category == null ? Place.ALL : category;
        return all(stub, prefix).stream()
                .filter(p -> province == null || p.province().equals(province))
                .filter(p -> p.category().equals(wanted))
                .toList();
    }

    /** Every place with tallies, in key order. */
    public static List<Place> all(ChaincodeStub stub) {
        return all(stub, Keys.prefix("P"));
    }

    static List<Place> all(ChaincodeStub stub, String prefix) {
        List<Place> places = new ArrayList<>();
        String root = Keys.prefix("P");
        Reads.each(stub, prefix, Keys.after(prefix), row -> {
            String[] parts = row.getKey().substring(root.length()).split(Keys.SEP, -1);
            places.add(new Place(parts[0], parts[1], parts[2]));
            return true;
        });
        return places;
    }
}
