package io.haina.crm.platform.activity.web;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.activity.FollowUp;
import io.haina.crm.platform.activity.FollowUpComment;
import io.haina.crm.platform.activity.FollowUpKind;
import io.haina.crm.platform.activity.FollowUps;
import io.haina.crm.platform.activity.Timeline;
import io.haina.crm.platform.files.StoredFile;
import io.haina.crm.platform.files.StoredFiles;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.platform.records.Scene;
import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.FormErrors;
import io.haina.crm.platform.web.Messages;

/** Builds what the timeline's templates show: names, times, forms with the record's contacts. */
@Component
class TimelineViews {

    static final String CONTACT = "contact";
    /** Contacts offered to tick: a customer rarely has more people one meets. */
    static final int CONTACT_CHOICES = 30;

    private final FollowUps followUps;
    private final RecordService records;
    private final RecordFinder finder;
    private final Permissions permissions;
    private final Organization organization;
    private final StoredFiles files;
    private final Clock clock;

    TimelineViews(FollowUps followUps, RecordService records, RecordFinder finder, Permissions permissions,
                  Organization organization, StoredFiles files, Clock clock) {
        this.files = files;
        this.followUps = followUps;
        this.records = records;
        this.finder = finder;
        this.permissions = permissions;
        this.organization = organization;
        this.clock = clock;
    }

    TimelineView of(CurrentUser me, String object, long id, Timeline.Page page, Messages msg) {
        Map<Long, String> users = new LinkedHashMap<>();
        List<Long> contactIds = page.entries().stream().flatMap(entry -> switch (entry) {
            case Timeline.FollowUpEntry f -> f.followUp().contactIds().stream();
            default -> Stream.<Long>empty();
        }).distinct().toList();
        page.entries().stream().flatMap(entry -> switch (entry) {
            case Timeline.FollowUpEntry f -> Stream.concat(Stream.of(f.followUp().authorId()),
                    f.comments().stream().map(FollowUpComment::authorId));
            case Timeline.TaskEntry t -> Stream.of(t.task().assigneeId(), t.task().createdBy());
            case Timeline.HistoryEntry h -> Stream.<Long>empty();
        }).filter(Objects::nonNull).distinct()
                .forEach(user -> users.put(user, organization.displayNameOf(user).orElse("#" + user)));
        return new TimelineView(object, id, me.id(), time(me, msg), users, contactNames(me, contactIds),
                followUp -> followUps.mayChange(me.id(), followUp));
    }

    TimeText time(CurrentUser me, Messages msg) {
        return new TimeText(msg, me.timeZone(), OffsetDateTime.now(clock));
    }

    FollowUpForm emptyForm(CurrentUser me, String object, long id, Messages msg) {
        return form(me, object, id, Map.of("kind", FollowUpKind.CALL.code()), List.of(), List.of(), FormErrors.none());
    }

    /** A form sent back: what was typed, the contacts ticked, the files uploaded with it (the writer's own, not attached yet). */
    FollowUpForm form(CurrentUser me, String object, long id, Map<String, String> values, List<String> chosen,
                      List<Long> uploaded, FormErrors errors) {
        List<StoredFile> kept = files.describe(uploaded).stream()
                .filter(file -> file.holder() == null && !file.removed() && file.createdBy() == me.id()).toList();
        return new FollowUpForm(TimelineController.followUpsPath(object, id), values, chosen, errors, contactsOf(me, object, id),
                kept, new FollowUpForm.FileLimit(files.maxBytes(), files.maxSizeText()));
    }

    /** The record's name as the reader sees it. */
    String nameOf(CurrentUser me, String object, long id) {
        RecordData record = records.read(me.id(), object, id);
        ObjectDef def = finder.describe(me.id(), object);
        return String.valueOf(record.get(def.nameField()));
    }

    /** The contacts of the record the reader may see (a customer's), to tick as met. */
    private Map<Long, String> contactsOf(CurrentUser me, String object, long id) {
        if (!permissions.can(me.id(), CONTACT, ObjectAction.VIEW)) {
            return Map.of();
        }
        ObjectDef contact = finder.describe(me.id(), CONTACT);
        return contact.fields().stream().filter(f -> f.type() instanceof FieldType.Lookup(String target) && target.equals(object))
                .findFirst().map(lookup -> {
                    Map<Long, String> names = new LinkedHashMap<>();
                    finder.list(me.id(), CONTACT, new RecordListRequest(null, lookup.name() + " eq " + id, Scene.ALL,
                                    contact.nameField(), null, CONTACT_CHOICES, false)).items()
                            .forEach(r -> names.put(r.id(), String.valueOf(r.get(contact.nameField()))));
                    return names;
                }).orElse(Map.of());
    }

    private Map<Long, String> contactNames(CurrentUser me, List<Long> ids) {
        if (ids.isEmpty() || !permissions.can(me.id(), CONTACT, ObjectAction.VIEW)) {
            return Map.of();
        }
        ObjectDef contact = finder.describe(me.id(), CONTACT);
        Map<Long, String> names = new LinkedHashMap<>();
        finder.visibleByIds(me.id(), CONTACT, ids).forEach(r -> names.put(r.id(), String.valueOf(r.get(contact.nameField()))));
        return names;
    }
}
