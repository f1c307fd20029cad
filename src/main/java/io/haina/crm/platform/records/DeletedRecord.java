package io.haina.crm.platform.records;

import java.time.OffsetDateTime;

/** A record in the recycle bin: which object, its name when it was deleted, who deleted it and when. */
public record DeletedRecord(String object, long id, String name, Long deletedBy, OffsetDateTime deletedAt) {
}
