package org.metroledger.chaincode.catalogue;

import java.time.Instant;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.metroledger.chaincode.contract.MetroContract;
import org.metroledger.chaincode.contract.TransactionContext;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.json.Check;
import org.metroledger.chaincode.registry.Region;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.RecordStore;

/** The public capability catalogue (能力目录): which labs can calibrate or verify what, where. */
@Contract(name = "catalogue", info = @Info(title = "MetroLedger capability catalogue", version = "1"))
public final class CatalogueContract implements MetroContract {

    /** Request of Search. */
    public record Search(
            String category,
            String quantity,
            String range,
            String region,
            String labRegion,
            String at,
            Integer pageSize,
            String bookmark) {}

    /**
     * A page of the scope lines matching: by category and/or quantity (one of them needed), within
     * a measuring range, of labs of {@code labRegion}; each hit says whether the lab's results
     * count in the asker's {@code region} when it is named.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Search(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        Search r = Canonical.read(request, Search.class);
        if (r.category() == null && r.quantity() == null) {
            throw Fail.invalid("category", "or quantity is needed: the catalogue is searched by one of them");
        }
        if (r.category() != null) {
            Check.id("category", r.category());
        }
        if (r.quantity() != null) {
            Check.text("quantity", r.quantity(), 200);
        }
        MeasuringRange range = r.range() == null ? null : MeasuringRange.asked("range", r.range());
        if (r.region() != null) {
            Check.id("region", r.region());
        }
        if (r.labRegion() != null) {
            Check.id("labRegion", r.labRegion());
        }
        Instant at = Check.instantOr("at", r.at(), store.now());
        if (r.region() != null) {
            store.get(Region.TYPE, r.region(), Region.class);
        }
        return Canonical.json(new CapabilitySearch(
                        store,
                        new CapabilitySearch.Query(
                                r.category(),
                                r.quantity(),
                                range,
                                r.region(),
                                r.labRegion(),
                                at,
                                new Listing(r.pageSize(), r.bookmark())))
                .run());
    }
}
