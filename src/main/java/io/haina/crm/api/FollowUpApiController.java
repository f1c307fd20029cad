package io.haina.crm.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.haina.crm.platform.activity.FollowUp;
import io.haina.crm.platform.activity.FollowUpComment;
import io.haina.crm.platform.activity.FollowUpDraft;
import io.haina.crm.platform.activity.FollowUps;
import io.haina.crm.platform.activity.Timeline;
import io.haina.crm.platform.files.FileView;
import io.haina.crm.platform.files.StoredFile;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.InvalidInputException;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * Follow-ups of a record, {@code /api/v1/objects/{object}/{id}/follow-ups}: newest first, a page
 * at a time ({@code cursor} from {@code nextCursor}); and one follow-up under
 * {@code /api/v1/follow-ups/{id}} with its comments. Whoever may read the record may read and
 * add; only the author changes or deletes, within a day. Times are ISO-8601; without an offset
 * they are in the caller's time zone.
 */
@RestController
@Tag(name = "Follow-ups")
@RequestMapping("/api/v1")
class FollowUpApiController {

    private final FollowUps followUps;
    private final CurrentUsers users;

    FollowUpApiController(FollowUps followUps, CurrentUsers users) {
        this.followUps = followUps;
        this.users = users;
    }

    record FollowUpView(long id, String object, long recordId, String kind, String content, List<Long> contactIds,
                        OffsetDateTime at, OffsetDateTime nextAt, Long nextTaskId, long authorId, OffsetDateTime createdAt,
                        List<FileView> files, List<CommentView> comments) {
    }

    record CommentView(long id, long authorId, String body, OffsetDateTime at) {
    }

    record FollowUpPage(List<FollowUpView> items, String nextCursor) {
    }

    @GetMapping("/objects/{object}/{id}/follow-ups")
    FollowUpPage list(@PathVariable String object, @PathVariable long id, @RequestParam(required = false) String cursor,
                      @RequestParam(defaultValue = "20") int limit) {
        int size = Math.clamp(limit, 1, 100);
        Timeline.Cursor from = Timeline.Cursor.decode(cursor);
        List<FollowUp> found = followUps.of(me().id(), object, id, from.at(), from.id(), size + 1);
        List<FollowUp> shown = found.size() > size ? found.subList(0, size) : found;
        var comments = followUps.commentsOf(shown);
        var files = followUps.filesOf(shown);
        List<FollowUpView> items = new ArrayList<>();
        shown.forEach(f -> items.add(view(f, comments.getOrDefault(f.id(), List.of()), files.getOrDefault(f.id(), List.of()))));
        String next = found.size() > size ? new Timeline.Cursor(shown.getLast().at(), 2, shown.getLast().id()).encode() : null;
        return new FollowUpPage(items, next);
    }

    /**
     * Body: {@code {"kind":"call","content":"…","contactIds":[3],"at":"…","nextAt":"…","fileIds":[41]}};
     * kind and content required; {@code fileIds} are files the caller uploaded with {@code POST /api/v1/files}.
     */
    @PostMapping("/objects/{object}/{id}/follow-ups")
    ResponseEntity<FollowUpView> add(@PathVariable String object, @PathVariable long id, @RequestBody JsonNode body) {
        CurrentUser me = me();
        FollowUp added = followUps.add(me.id(), object, id, draft(body), me.timeZone());
        return ResponseEntity.created(URI.create("/api/v1/follow-ups/" + added.id()))
                .body(view(added, List.of(), followUps.filesOf(List.of(added)).getOrDefault(added.id(), List.of())));
    }

    @GetMapping("/follow-ups/{id}")
    FollowUpView read(@PathVariable long id) {
        FollowUp followUp = followUps.find(me().id(), id);
        return view(followUp, followUps.commentsOf(List.of(followUp)).getOrDefault(id, List.of()),
                followUps.filesOf(List.of(followUp)).getOrDefault(id, List.of()));
    }

    /**
     * Changes kind, content, contacts, time or files ({@code fileIds}: the files it keeps and new uploads;
     * those left out are removed); its next time stays. The author only, within a day.
     */
    @PatchMapping("/follow-ups/{id}")
    FollowUpView edit(@PathVariable long id, @RequestBody JsonNode body) {
        CurrentUser me = me();
        FollowUp current = followUps.find(me.id(), id);
        FollowUpDraft draft = draft(body);
        FollowUp edited = followUps.edit(me.id(), id, new FollowUpDraft(
                body.has("kind") ? draft.kind() : current.kind().code(),
                body.has("content") ? draft.content() : current.content(),
                body.has("contactIds") ? draft.contactIds() : current.contactIds().stream().map(String::valueOf).toList(),
                body.has("at") ? draft.at() : current.at().toString(), null, body.has(FollowUps.FILE_IDS) ? draft.fileIds() : null),
                me.timeZone());
        return read(edited.id());
    }

    @DeleteMapping("/follow-ups/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        followUps.delete(me().id(), id);
        return ResponseEntity.noContent().build();
    }

    /** Body: {@code {"body":"…"}}; the follow-up's author is notified. */
    @PostMapping("/follow-ups/{id}/comments")
    ResponseEntity<CommentView> comment(@PathVariable long id, @RequestBody JsonNode body) {
        FollowUpComment comment = followUps.comment(me().id(), id, JsonInput.scalar(body, "body"));
        return ResponseEntity.created(URI.create("/api/v1/follow-ups/" + id)).body(view(comment));
    }

    private static FollowUpDraft draft(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of(null, "api.error.object-expected");
        }
        return new FollowUpDraft(JsonInput.scalar(body, "kind"), JsonInput.scalar(body, "content"), ids(body, "contactIds"),
                JsonInput.scalar(body, "at"), JsonInput.scalar(body, "nextAt"), ids(body, FollowUps.FILE_IDS));
    }

    /** A list of ids as text (an item that is no number is refused by the follow-up's own check). */
    private static List<String> ids(JsonNode body, String field) {
        List<String> ids = new ArrayList<>();
        JsonNode given = body.get(field);
        if (given != null && given.isArray()) {
            given.forEach(c -> ids.add(c.isValueNode() ? c.asString() : "?"));
        } else if (given != null && !given.isNull()) {
            throw InvalidInputException.of(field, "api.error.array-expected");
        }
        return ids;
    }

    private static FollowUpView view(FollowUp f, List<FollowUpComment> comments, List<StoredFile> files) {
        return new FollowUpView(f.id(), f.objectCode(), f.recordId(), f.kind().code(), f.content(), f.contactIds(), f.at(),
                f.nextAt(), f.nextTaskId(), f.authorId(), f.createdAt(), files.stream().map(FileView::of).toList(),
                comments.stream().map(FollowUpApiController::view).toList());
    }

    private static CommentView view(FollowUpComment c) {
        return new CommentView(c.id(), c.authorId(), c.body(), c.at());
    }

    private CurrentUser me() {
        return users.require();
    }
}
