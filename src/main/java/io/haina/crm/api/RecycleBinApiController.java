package io.haina.crm.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.RecycleBinPage;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.Organization;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The recycle bin for administrators: {@code GET /api/v1/recycle-bin} lists deleted records,
 * {@code POST /api/v1/objects/{object}/{id}/restore} brings one back. Everyone else gets 403.
 */
@RestController
@Tag(name = "Recycle bin")
class RecycleBinApiController {

    private final RecordFinder finder;
    private final RecordService records;
    private final Organization organization;
    private final CurrentUsers users;
    private final RecordViews views;

    RecycleBinApiController(RecordFinder finder, RecordService records, Organization organization, CurrentUsers users,
                            RecordViews views) {
        this.views = views;
        this.finder = finder;
        this.records = records;
        this.organization = organization;
        this.users = users;
    }

    record DeletedView(String object, long id, String name, Long deletedBy, String deletedByName, OffsetDateTime deletedAt) {
    }

    record BinView(List<DeletedView> items, String nextCursor) {
    }

    @GetMapping("/api/v1/recycle-bin")
    @Operation(summary = "Deleted records, most recently deleted first (administrators)")
    BinView list(@RequestParam(required = false) String object, @RequestParam(required = false) String cursor,
                 @RequestParam(defaultValue = "" + RecordListRequest.DEFAULT_LIMIT) int limit) {
        RecycleBinPage page = finder.deleted(users.require().id(), object, cursor, limit);
        return new BinView(page.items().stream().map(r -> new DeletedView(r.object(), r.id(), r.name(), r.deletedBy(),
                r.deletedBy() == null ? null : organization.displayNameOf(r.deletedBy()).orElse(null), r.deletedAt())).toList(),
                page.nextCursor());
    }

    @PostMapping("/api/v1/objects/{object}/{id}/restore")
    @Operation(summary = "Restore a deleted record (administrators)",
            description = "Answers 400 naming the field when a unique value of the record is now used by another record.")
    Map<String, Object> restore(@PathVariable String object, @PathVariable long id) {
        long actor = users.require().id();
        return views.of(actor, object, records.restore(actor, object, id));
    }
}
