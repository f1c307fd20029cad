package io.haina.crm.platform.records;

/**
 * What a list asks for: a quick search on the record name, a sort field ({@code -field} for
 * descending; newest first when none), the cursor returned with the previous page, a page size.
 */
public record RecordListRequest(String quickSearch, String sort, String cursor, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;

    public RecordListRequest {
        limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }

    public static RecordListRequest firstPage() {
        return new RecordListRequest(null, null, null, DEFAULT_LIMIT);
    }
}
