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

    /**
     * Checks a bookmark against the listing it claims to continue: it must be the next state key of
     * that very listing, since Fabric would start the scan at any key given and so read off range.
     */
    public static String bookmark(RecordStore store, String bookmark, String index, String... prefix) {
        Check.that(
                bookmark == null
                        || bookmark.isEmpty()
                        || (bookmark.length() <= MAX_BOOKMARK
                                && bookmark.startsWith(store.stub()
                                        .createCompositeKey(index, prefix)
                                        .toString())),
                "bookmark",
                "is not a bookmark of this listing");
        return bookmark;
    }
}
