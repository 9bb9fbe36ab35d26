package org.metroledger.chaincode.state;

import java.util.Arrays;
import org.metroledger.chaincode.json.Check;

/**
 * The paging fields of a listing request, {@code pageSize} (default {@value #DEFAULT_PAGE}) and the
 * previous page's {@code bookmark}: the one paging type of every listing. A listing reads a page
 * only through {@link #over}, which checks both, so no listing can forget the bookmark check.
 */
public record Listing(Integer pageSize, String bookmark) {
    public static final int DEFAULT_PAGE = 50;
    private static final int MAX_BOOKMARK = 1024;

    /**
     * The page of the listing under {@code index} and {@code prefix} this request asks for. Refuses
     * (INVALID_ARGUMENT naming the field) a page size out of range, and a bookmark that is not the
     * next state key of this very listing: Fabric would start the scan at any key given and so read
     * off range, into another entity's records or another index.
     */
    public PageQuery over(RecordStore store, String index, String... prefix) {
        int size = pageSize == null ? DEFAULT_PAGE : pageSize;
        Check.that(size >= 1 && size <= RecordStore.MAX_PAGE, "pageSize", "must be 1-" + RecordStore.MAX_PAGE);
        Check.that(
                bookmark == null
                        || bookmark.isEmpty()
                        || (bookmark.length() <= MAX_BOOKMARK
                                && bookmark.startsWith(store.stub()
                                        .createCompositeKey(index, prefix)
                                        .toString())),
                "bookmark",
                "is not a bookmark of this listing");
        return new PageQuery(index, prefix.clone(), size, bookmark == null ? "" : bookmark);
    }

    /** A checked page of one listing; only {@link Listing#over} makes one. */
    public static final class PageQuery {
        private final String index;
        private final String[] prefix;
        private final int size;
        private final String bookmark;

        private PageQuery(String index, String[] prefix, int size, String bookmark) {
            this.index = index;
            this.prefix = prefix;
            this.size = size;
            this.bookmark = bookmark;
        }

        String index() {
            return index;
        }

        String[] prefix() {
            return prefix.clone();
        }

        int size() {
            return size;
        }

        String bookmark() {
            return bookmark;
        }

        @Override
        public String toString() {
            return index + Arrays.toString(prefix) + " size " + size;
        }
    }
}
