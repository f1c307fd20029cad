package io.haina.crm.platform.records;

/**
 * What a list asks for: a quick search on the fields that identify a record, a filter in the
 * {@link io.haina.crm.platform.records.filter.FilterParser filter language}, a scene, a sort field
 * ({@code -field} for descending; newest first when none), the cursor returned with the previous
 * page, a page size.
 */
public record RecordListRequest(String quickSearch, String filter, Scene scene, String sort, String cursor, int limit,
                                boolean withTotal) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;

    public RecordListRequest {
        limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        scene = scene == null ? Scene.ALL : scene;
    }

    /** A request as URL parameters give it: the scene by its code ({@code all}, {@code mine}, {@code subordinates}). */
    /** A request whose first page also counts the matches (up to {@link RecordFinder#COUNT_CAP}). */
    public RecordListRequest(String quickSearch, String filter, Scene scene, String sort, String cursor, int limit) {
        this(quickSearch, filter, scene, sort, cursor, limit, true);
    }

    /**
     * The same request without the count: the page comes back as fast as its rows do, and the
     * total is asked for separately ({@link RecordFinder#count}) when someone wants it.
     */
    public RecordListRequest withoutTotal() {
        return new RecordListRequest(quickSearch, filter, scene, sort, cursor, limit, false);
    }

    public static RecordListRequest of(String quickSearch, String filter, String scene, String sort, String cursor, int limit) {
        Scene chosen = Scene.of(scene).orElseThrow(() ->
                io.haina.crm.platform.web.InvalidInputException.of("scene", "record.error.scene", scene));
        return new RecordListRequest(quickSearch, filter, chosen, sort, cursor, limit);
    }

    public static RecordListRequest firstPage() {
        return new RecordListRequest(null, null, Scene.ALL, null, null, DEFAULT_LIMIT);
    }

    /** The same list from its first page on (a changed filter or sort starts over). */
    public RecordListRequest fromStart() {
        return new RecordListRequest(quickSearch, filter, scene, sort, null, limit, withTotal);
    }
}
