package io.haina.crm.platform.records;

import java.util.List;

/** One page of the recycle bin, most recently deleted first; {@code nextCursor} is null on the last page. */
public record RecycleBinPage(List<DeletedRecord> items, String nextCursor) {
}
