package io.haina.crm.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.haina.crm.platform.records.EntryChannel;
import io.haina.crm.platform.records.PossibleDuplicates;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.records.RecordPage;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.TeamMember;
import io.haina.crm.platform.records.views.ListView;
import io.haina.crm.platform.records.views.ListViews;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.Messages;
import tools.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/objects/{object}}: list (quick search {@code q}, {@code filter} in the filter
 * language, {@code scene=all|mine|subordinates}, {@code sort=field|-field}, {@code cursor},
 * {@code limit}, {@code withTotal}, {@code view} for a saved view), count, create, read, change (with the
 * {@code version} read), delete, and possible duplicates of a record about to be entered. A record
 * reads as {@link RecordView} writes it.
 */
@RestController
@Tag(name = "Records")
@RequestMapping("/api/v1/objects/{object}")
class ObjectApiController {

    private final RecordService records;
    private final RecordFinder finder;
    private final CurrentUsers users;
    private final RecordViews views;
    private final ListViews savedViews;
    private final PossibleDuplicates duplicates;

    ObjectApiController(RecordService records, RecordFinder finder, CurrentUsers users, RecordViews views,
                        ListViews savedViews, PossibleDuplicates duplicates) {
        this.records = records;
        this.finder = finder;
        this.users = users;
        this.views = views;
        this.savedViews = savedViews;
        this.duplicates = duplicates;
    }

    /** A page; {@code total} and {@code totalCapped} only when asked for with {@code withTotal=true}. */
    record PageView(List<Map<String, Object>> items, String nextCursor, Long total, Boolean totalCapped) {
    }

    record CountView(long total, boolean totalCapped) {
    }

    /**
     * A page of records. With {@code view}, a saved view's search, filter, scene and sort apply;
     * any of them sent as well replaces the view's.
     */
    @GetMapping
    PageView list(@PathVariable String object, @RequestParam(required = false) String q,
                  @RequestParam(required = false) String filter, @RequestParam(required = false) String scene,
                  @RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
                  @RequestParam(defaultValue = "20") int limit, @RequestParam(defaultValue = "false") boolean withTotal,
                  @RequestParam(required = false) Long view) {
        if (view != null) {
            ListView saved = savedViews.find(actor(), object, view);
            q = q != null ? q : saved.quickSearch();
            filter = filter != null ? filter : saved.filter();
            scene = scene != null ? scene : saved.scene().code();
            sort = sort != null ? sort : saved.sort();
        }
        RecordListRequest request = RecordListRequest.of(q, filter, scene, sort, cursor, limit);
        RecordPage page = finder.list(actor(), object, withTotal ? request : request.withoutTotal());
        return new PageView(views.of(actor(), object, page.items()), page.nextCursor(),
                page.counted() ? page.total() : null, page.counted() ? page.totalCapped() : null);
    }

    /** How many records the same parameters select: exact up to 10,000, then {@code totalCapped}. */
    @GetMapping("/count")
    CountView count(@PathVariable String object, @RequestParam(required = false) String q,
                    @RequestParam(required = false) String filter, @RequestParam(required = false) String scene) {
        RecordPage counted = finder.count(actor(), object, RecordListRequest.of(q, filter, scene, null, null, 0));
        return new CountView(counted.total(), counted.totalCapped());
    }

    /** Possible duplicates of a record with these values; one reason of a candidate. */
    record ReasonView(String code, String field, String message) {
    }

    record DuplicateView(long id, Object name, List<ReasonView> reasons, Map<String, Object> record) {
    }

    record DuplicatesView(List<DuplicateView> items) {
    }

    /**
     * Records the caller may see that may repeat one with the values given as parameters named
     * after fields ({@code ?name=海纳服务器}); {@code except} leaves out the record being edited.
     * A warning to show, never a refusal: creating the record still works.
     */
    @GetMapping("/duplicates")
    DuplicatesView duplicates(@PathVariable String object, @RequestParam Map<String, String> params,
                              @RequestParam(required = false) Long except, Messages msg) {
        Map<String, String> input = new LinkedHashMap<>(params);
        input.remove("except");
        return duplicatesOf(object, input, except, msg);
    }

    /** The same for a record body as {@code POST} would create it. */
    @PostMapping("/duplicates")
    DuplicatesView duplicates(@PathVariable String object, @RequestBody JsonNode body,
                              @RequestParam(required = false) Long except, Messages msg) {
        return duplicatesOf(object, JsonInput.fields(body, true), except, msg);
    }

    private DuplicatesView duplicatesOf(String object, Map<String, String> input, Long except, Messages msg) {
        var def = finder.describe(actor(), object);
        return new DuplicatesView(duplicates.find(actor(), object, input, except).stream().map(d -> new DuplicateView(
                d.record().id(), d.record().get(def.nameField()), d.reasons().stream().map(r -> new ReasonView(r.reasonKey(),
                        r.field(), msg.t(r.reasonKey(), r.field() == null ? "" : def.field(r.field())
                        .map(f -> msg.t(f.labelKey())).orElse(r.field())))).toList(), view(object, d.record()))).toList());
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@PathVariable String object, @RequestBody JsonNode body) {
        // The API names no owner yet: the caller owns what it creates, and lead assignment rules may hand it on.
        RecordData created = records.create(actor(), object, JsonInput.fields(body, false), EntryChannel.API);
        return ResponseEntity.created(URI.create("/api/v1/objects/" + object + "/" + created.id())).body(view(object, created));
    }

    @GetMapping("/{id}")
    Map<String, Object> read(@PathVariable String object, @PathVariable long id) {
        return view(object, records.read(actor(), object, id));
    }

    /** Changes the fields sent; {@code version} must be the version read, or the answer is 409 with what changed. */
    @PatchMapping("/{id}")
    Map<String, Object> update(@PathVariable String object, @PathVariable long id, @RequestBody JsonNode body) {
        JsonNode version = body.get("version");
        if (version == null || !version.canConvertToInt()) {
            throw InvalidInputException.of("version", "api.error.version-required");
        }
        return view(object, records.update(actor(), object, id, version.asInt(), JsonInput.fields(body, true)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String object, @PathVariable long id) {
        records.delete(actor(), object, id);
        return ResponseEntity.noContent().build();
    }

    /** The record's team: who besides the owner's scope may read it, or also change it, and until when. */
    @GetMapping("/{id}/team")
    List<TeamMember> team(@PathVariable String object, @PathVariable long id) {
        return records.team(actor(), object, id);
    }

    /** Puts a user on the team: body {@code {"canEdit": true, "expiresAt": "2026-12-31T18:00:00+08:00"}} (both optional). */
    @PutMapping("/{id}/team/{userId}")
    ResponseEntity<Void> share(@PathVariable String object, @PathVariable long id, @PathVariable long userId,
                               @RequestBody(required = false) JsonNode body) {
        boolean canEdit = body != null && body.path("canEdit").asBoolean(false);
        OffsetDateTime expiresAt = null;
        if (body != null && body.hasNonNull("expiresAt")) {
            try {
                expiresAt = OffsetDateTime.parse(body.get("expiresAt").asString());
            } catch (java.time.format.DateTimeParseException e) {
                throw InvalidInputException.of("expiresAt", "validation.date-time");
            }
        }
        records.shareWith(actor(), object, id, userId, canEdit, expiresAt);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/team/{userId}")
    ResponseEntity<Void> unshare(@PathVariable String object, @PathVariable long id, @PathVariable long userId) {
        records.unshare(actor(), object, id, userId);
        return ResponseEntity.noContent().build();
    }

    private Map<String, Object> view(String object, RecordData record) {
        return views.of(actor(), object, record);
    }

    private long actor() {
        return users.require().id();
    }
}
