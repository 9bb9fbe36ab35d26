package org.metroledger.chaincode.state;

import org.metroledger.chaincode.json.Check;

/** Request of a paginated listing: an optional page size (default 50) and the previous page's bookmark. */
public record Listing(Integer pageSize, String bookmark) {
    public static final int DEFAULT_PAGE = 50;

    /** The page size asked for, checked: INVALID_ARGUMENT naming pageSize when out of range. */
    public int size() {
        int size = pageSize == null ? DEFAULT_PAGE : pageSize;
        Check.that(size >= 1 && size <= RecordStore.MAX_PAGE, "pageSize", "must be 1-" + RecordStore.MAX_PAGE);
        return size;
    }
}
