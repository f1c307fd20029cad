package io.haina.crm.platform.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.files.FileHolder;
import io.haina.crm.platform.files.StoredFile;
import io.haina.crm.platform.files.StoredFiles;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.notify.Notice;
import io.haina.crm.platform.notify.NoticeKind;
import io.haina.crm.platform.notify.Notifications;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.InputChecks;
import io.haina.crm.platform.web.NotFoundException;

/**
 * Follow-ups (C4). Whoever may read a record may read its follow-ups, add one and comment on
 * them — the record engine's read is the one check, so grants, data scope, the record's team and
 * pools all apply. A follow-up is its author's word: only the author changes or deletes it, and
 * only within {@link #EDIT_WINDOW} of writing it, so that what managers read and commented on
 * stays as it was. Adding one moves the record's last and next follow-up times and, when a next
 * time is given, gives the record's owner a task for it. Files go with it (the writer's uploads),
 * read by whoever reads the follow-up.
 */
@Service
@Transactional
public class FollowUps {

    public static final NoticeKind COMMENTED = NoticeKind.of("FOLLOW_UP_COMMENTED");
    public static final Duration EDIT_WINDOW = Duration.ofHours(24);
    /** A follow-up records what happened; a clock a little ahead on the writer's phone is no mistake. */
    static final Duration FUTURE_SLACK = Duration.ofMinutes(5);
    static final int CONTENT_LENGTH = 5000;
    static final int COMMENT_LENGTH = 2000;
    static final int MAX_CONTACTS = 20;
    public static final int MAX_FILES = 10;
    static final String CONTACT = "contact";
    /** The field of a draft's files, where their problems are said. */
    public static final String FILE_IDS = "fileIds";

    private final FollowUpRepository followUps;
    private final RecordService records;
    private final RecordFinder finder;
    private final SystemRecords system;
    private final ObjectRegistry objects;
    private final Permissions permissions;
    private final Organization organization;
    private final Tasks tasks;
    private final Notifications notifications;
    private final MessageSource messages;
    private final StoredFiles files;
    private final Set<String> objectCodes;
    private final Clock clock;

    FollowUps(FollowUpRepository followUps, RecordService records, RecordFinder finder, SystemRecords system,
              ObjectRegistry objects, Permissions permissions, Organization organization, Tasks tasks,
              Notifications notifications, MessageSource messages, StoredFiles files, List<FollowUpsOn> declared,
              Clock clock) {
        this.files = files;
        this.followUps = followUps;
        this.records = records;
        this.finder = finder;
        this.system = system;
        this.objects = objects;
        this.permissions = permissions;
        this.organization = organization;
        this.tasks = tasks;
        this.notifications = notifications;
        this.messages = messages;
        this.objectCodes = Set.copyOf(declared.stream().map(FollowUpsOn::objectCode).toList());
        this.clock = clock;
    }

    /**
     * Whether records of the object take follow-ups (and show a timeline). Asked by every list
     * page for its row actions: a question about the declarations, so it opens no transaction
     * (under the class's default it borrowed a connection for a set lookup).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean takesFollowUps(String objectCode) {
        return objectCodes.contains(objectCode);
    }

    /** Adds a follow-up; the files are the writer's uploads, attached to it. */
    public FollowUp add(long actorId, String objectCode, long recordId, FollowUpDraft draft, ZoneId zone) {
        RecordData record = readable(actorId, objectCode, recordId);
        FollowUpRepository.Checked checked = check(actorId, record, draft, null, zone);
        Long taskId = checked.nextAt() == null ? null : nextTask(actorId, record, checked.nextAt());
        long id = followUps.insert(objectCode, recordId, checked, taskId, actorId, now());
        files.attach(actorId, FileHolder.followUp(id), checked.fileIds(), FILE_IDS);
        stamp(record, checked);
        return followUps.find(id).orElseThrow();
    }

    /**
     * Changes what the follow-up says (kind, content, contacts, time, and its files when the draft
     * names them: new uploads attached, those left out removed); its next time and task stay.
     * A new time moves the record's last follow-up time with it: later, or back to the latest
     * follow-up left when this one was the latest and moves earlier.
     */
    public FollowUp edit(long actorId, long id, FollowUpDraft draft, ZoneId zone) {
        FollowUp current = ownRecent(actorId, id);
        RecordData record = readable(actorId, current.objectCode(), current.recordId());
        FileHolder holder = FileHolder.followUp(id);
        List<Long> had = filesOf(List.of(current)).getOrDefault(id, List.of()).stream().map(StoredFile::id).toList();
        FollowUpRepository.Checked checked = check(actorId, record, new FollowUpDraft(draft.kind(), draft.content(),
                draft.contactIds(), draft.at(), null, draft.fileIds() == null ? had.stream().map(String::valueOf).toList()
                : draft.fileIds()), holder, zone);
        followUps.update(id, checked, now());
        files.attach(actorId, holder, checked.fileIds(), FILE_IDS);
        files.remove(holder, had.stream().filter(file -> !checked.fileIds().contains(file)).toList());
        restampLast(record, current.at(), checked.at());
        return followUps.find(id).orElseThrow();
    }

    /** Deletes a follow-up (and its comments, and its files); the record's follow-up times and the task it set stay. */
    public void delete(long actorId, long id) {
        ownRecent(actorId, id);
        files.removeAll(FileHolder.followUp(id));
        followUps.delete(id);
    }

    /** The files of follow-ups the caller may already read, oldest first under each. */
    @Transactional(readOnly = true)
    public Map<Long, List<StoredFile>> filesOf(List<FollowUp> shown) {
        return files.heldBy(FileHolder.FOLLOW_UP, shown.stream().map(FollowUp::id).toList());
    }

    @Transactional(readOnly = true)
    public FollowUp find(long actorId, long id) {
        FollowUp followUp = followUps.find(id).orElseThrow(() -> new NotFoundException("follow-up " + id));
        readable(actorId, followUp.objectCode(), followUp.recordId());
        return followUp;
    }

    /** Whether the actor may still change or delete the follow-up (the page shows the buttons then). */
    public boolean mayChange(long actorId, FollowUp followUp) {
        return followUp.authorId() == actorId && !now().isAfter(followUp.createdAt().plus(EDIT_WINDOW));
    }

    /** A record's follow-ups, newest first, a page at a time (see {@link Timeline} for the cursor). */
    @Transactional(readOnly = true)
    public List<FollowUp> of(long actorId, String objectCode, long recordId, OffsetDateTime beforeAt, long beforeId, int limit) {
        readable(actorId, objectCode, recordId);
        return followUps.before(objectCode, recordId, beforeAt, beforeId, limit);
    }

    /** The follow-ups the user wrote in a period, for their calendar. */
    @Transactional(readOnly = true)
    public List<FollowUp> writtenBetween(long actorId, OffsetDateTime from, OffsetDateTime until) {
        return followUps.byAuthorBetween(actorId, from, until);
    }

    /** Comments under the follow-ups, oldest first under each; for follow-ups the caller may already read. */
    @Transactional(readOnly = true)
    public Map<Long, List<FollowUpComment>> commentsOf(List<FollowUp> shown) {
        return followUps.commentsOf(shown.stream().map(FollowUp::id).toList());
    }

    /** Comments on a follow-up; its author hears of it (unless they wrote the comment). */
    public FollowUpComment comment(long actorId, long followUpId, String body) {
        FollowUp followUp = find(actorId, followUpId);
        InputChecks checks = new InputChecks();
        String text = checks.required("body", body, COMMENT_LENGTH);
        checks.throwIfAny();
        long id = followUps.insertComment(followUpId, actorId, text, now());
        if (followUp.authorId() != actorId) {
            notifications.send(Notice.to(followUp.authorId(), COMMENTED)
                    .message("follow-up.notice.commented", organization.displayNameOf(actorId).orElse(""), excerpt(text))
                    .link("/o/" + followUp.objectCode() + "/" + followUp.recordId() + "#follow-up-" + followUpId));
        }
        return followUps.commentsOf(List.of(followUpId)).get(followUpId).stream().filter(c -> c.id() == id)
                .findFirst().orElseThrow();
    }

    private RecordData readable(long actorId, String objectCode, long recordId) {
        if (!takesFollowUps(objectCode)) {
            throw new NotFoundException("follow-ups of " + objectCode);
        }
        return records.read(actorId, objectCode, recordId);
    }

    private FollowUp ownRecent(long actorId, long id) {
        FollowUp followUp = find(actorId, id);
        if (!mayChange(actorId, followUp)) {
            throw new AccessDeniedException("only its author changes follow-up " + id + ", within a day");
        }
        return followUp;
    }

    private FollowUpRepository.Checked check(long actorId, RecordData record, FollowUpDraft draft, FileHolder holder, ZoneId zone) {
        InputChecks checks = new InputChecks();
        FollowUpKind kind = draft.kind() == null || draft.kind().isBlank() ? null : FollowUpKind.of(draft.kind().strip()).orElse(null);
        checks.check(kind != null, "kind", draft.kind() == null || draft.kind().isBlank() ? "follow-up.error.kind" : "follow-up.error.kind-unknown");
        String content = checks.required("content", draft.content(), CONTENT_LENGTH);
        OffsetDateTime now = now();
        OffsetDateTime at = TimeInput.read(checks, "at", draft.at(), zone);
        checks.check(at == null || !at.isAfter(now.plus(FUTURE_SLACK)), "at", "follow-up.error.future");
        OffsetDateTime nextAt = TimeInput.read(checks, "nextAt", draft.nextAt(), zone);
        checks.check(nextAt == null || nextAt.isAfter(now), "nextAt", "follow-up.error.next-past");
        List<Long> contactIds = contacts(actorId, record, draft.contactIds(), checks);
        List<Long> fileIds = files(actorId, holder, draft.fileIds(), checks);
        checks.throwIfAny();
        return new FollowUpRepository.Checked(kind, content, contactIds, at == null ? now : at, nextAt, fileIds);
    }

    /** The files to attach: at most {@link #MAX_FILES}, each the writer's own upload (or already the follow-up's). */
    private List<Long> files(long actorId, FileHolder holder, List<String> given, InputChecks checks) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String text : given == null ? List.<String>of() : given) {
            if (text == null || text.isBlank()) {
                continue;
            }
            if (!text.strip().matches("\\d{1,18}")) {
                checks.add(FILE_IDS, "validation.attachment");
                return List.of();
            }
            ids.add(Long.valueOf(text.strip()));
        }
        if (ids.size() > MAX_FILES) {
            checks.add(FILE_IDS, "validation.too-many-files", MAX_FILES);
            return List.of();
        }
        checks.check(files.refused(actorId, holder, ids).isEmpty(), FILE_IDS, "validation.attachment");
        return List.copyOf(ids);
    }

    /**
     * The contacts met: contacts the actor may see and, where contacts point at the record's
     * object (a customer's contacts), contacts of this very record.
     */
    private List<Long> contacts(long actorId, RecordData record, List<String> given, InputChecks checks) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String text : given) {
            if (text == null || text.isBlank()) {
                continue;
            }
            if (!text.strip().matches("\\d{1,18}")) {
                checks.add("contactIds", "follow-up.error.contact");
                return List.of();
            }
            ids.add(Long.valueOf(text.strip()));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() > MAX_CONTACTS || objects.find(CONTACT).isEmpty()
                || !permissions.can(actorId, CONTACT, ObjectAction.VIEW)) {
            checks.add("contactIds", "follow-up.error.contact");
            return List.of();
        }
        List<String> lookups = objects.find(CONTACT).orElseThrow().fields().stream()
                .filter(f -> f.type() instanceof FieldType.Lookup(String target) && target.equals(record.object()))
                .map(f -> f.name()).toList();
        List<RecordData> found = finder.visibleByIds(actorId, CONTACT, List.copyOf(ids));
        boolean allOfRecord = found.size() == ids.size() && found.stream().allMatch(contact -> lookups.isEmpty()
                || lookups.stream().anyMatch(field -> String.valueOf(record.id()).equals(String.valueOf(contact.get(field)))));
        checks.check(allOfRecord, "contactIds", "follow-up.error.contact");
        return List.copyOf(ids);
    }

    /** The task for the next follow-up, the record's owner's (the writer's while it sits in a pool). */
    private long nextTask(long actorId, RecordData record, OffsetDateTime nextAt) {
        long ownerId = record.ownerId() == null ? actorId : record.ownerId();
        Locale locale = organization.contactOf(ownerId).flatMap(c -> c.locale()).orElse(Locale.SIMPLIFIED_CHINESE);
        ObjectDef object = objects.find(record.object()).orElseThrow();
        String title = messages.getMessage("follow-up.task-title", new Object[] {record.get(object.nameField())}, locale);
        return tasks.createFollowUpTask(actorId, ownerId, title, nextAt, record.object(), record.id());
    }

    /** Moves the record's last follow-up time forward (never back) and sets or clears the next one. */
    private void stamp(RecordData record, FollowUpRepository.Checked checked) {
        ObjectDef object = objects.find(record.object()).orElseThrow();
        Map<String, Object> values = new LinkedHashMap<>();
        if (object.field(FollowUpsOn.LAST).isPresent()) {
            Object last = record.get(FollowUpsOn.LAST);
            if (!(last instanceof OffsetDateTime current) || checked.at().isAfter(current)) {
                values.put(FollowUpsOn.LAST, checked.at());
            }
        }
        if (object.field(FollowUpsOn.NEXT).isPresent()) {
            values.put(FollowUpsOn.NEXT, checked.nextAt());
        }
        if (!values.isEmpty()) {
            system.stamp(record.object(), record.id(), values);
        }
    }

    /** The record's last follow-up time after one follow-up's time moved from {@code was} to {@code is}. */
    private void restampLast(RecordData record, OffsetDateTime was, OffsetDateTime is) {
        if (objects.find(record.object()).orElseThrow().field(FollowUpsOn.LAST).isEmpty() || is.isEqual(was)) {
            return;
        }
        OffsetDateTime last = record.get(FollowUpsOn.LAST) instanceof OffsetDateTime t ? t : null;
        OffsetDateTime moved = last == null || is.isAfter(last) ? is
                : was.isEqual(last) ? followUps.latestAt(record.object(), record.id()).orElse(is) : last;
        if (last == null || !moved.isEqual(last)) {
            system.stamp(record.object(), record.id(), Map.of(FollowUpsOn.LAST, moved));
        }
    }

    private static String excerpt(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.codePointCount(0, line.length()) <= 60 ? line : line.substring(0, line.offsetByCodePoints(0, 60)) + "…";
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
