package org.metroledger.chaincode.state;

import org.metroledger.chaincode.json.Check;

/** Checks of the paging fields of a listing request, shared by every listing. */
public final class PageRequest {
    public static final int DEFAULT_SIZE = 50;
    private static final int MAX_BOOKMARK = 1024;

    private PageRequest() {}

    /** The page size asked for: 1 to {@link RecordStore#MAX_PAGE}, {@value #DEFAULT_SIZE} when absent. */
    public static int size(Integer requested) {
        int size = requested == null ? DEFAULT_SIZE : requested;
        Check.that(size >= 1 && size <= RecordStore.MAX_PAGE, "pageSize", "must be 1-" + RecordStore.MAX_PAGE);
        return size;
    }

    /** A bookmark is opaque (it may hold the key separator), so only its length is checked. */
    public static String bookmark(String bookmark) {
        Check.that(
                bookmark == null || bookmark.length() <= MAX_BOOKMARK,
                "bookmark",
                "is longer than " + MAX_BOOKMARK + " characters");
        return bookmark;
    }
}
