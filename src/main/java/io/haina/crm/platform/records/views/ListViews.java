package io.haina.crm.platform.records.views;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.records.Scene;
import io.haina.crm.platform.records.SystemFields;
import io.haina.crm.platform.security.AccessCache;
import io.haina.crm.platform.security.AccessVersion;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.security.RoleDirectory;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InputChecks;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;

/**
 * Saved list views. Anyone who may see an object's list keeps personal views of it; sharing a view
 * with everyone or with roles is for administrators, who also look after shared views. A view is
 * checked like the list it saves (the filter, sort and columns must make sense for the saver), and
 * a user sees only the views they own or that are shared with them.
 *
 * <p>Every list page offers the user their views of its object, so those are kept per user and
 * object until the access version moves (saving, sharing or deleting a view moves it, migration
 * V37, as do role changes).
 */
@Service
@Transactional
public class ListViews {

    public static final int NAME_MAX = 60;
    private static final int KEPT = 20_000;

    private static final Table<Record> VIEW = table(name("list_view"));
    private static final Field<Long> ID = field(name("list_view", "id"), Long.class);
    private static final Field<String> OBJECT = field(name("list_view", "object_code"), String.class);
    private static final Field<String> NAME = field(name("list_view", "name"), String.class);
    private static final Field<Long> OWNER = field(name("list_view", "owner_id"), Long.class);
    private static final Field<String> SHARING = field(name("list_view", "sharing"), String.class);
    private static final Field<String> SCENE = field(name("list_view", "scene"), String.class);
    private static final Field<String> QUICK_SEARCH = field(name("list_view", "quick_search"), String.class);
    private static final Field<String> FILTER = field(name("list_view", "filter"), String.class);
    private static final Field<String> SORT = field(name("list_view", "sort"), String.class);
    private static final Field<String[]> COLUMNS = field(name("list_view", "columns"), String[].class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("list_view", "updated_at"), OffsetDateTime.class);
    private static final Field<Integer> VERSION = field(name("list_view", "version"), Integer.class);
    private static final Table<Record> VIEW_ROLE = table(name("list_view_role"));
    private static final Field<Long> VIEW_ID = field(name("list_view_role", "view_id"), Long.class);
    private static final Field<Long> ROLE_ID = field(name("list_view_role", "role_id"), Long.class);

    private final DSLContext db;
    private final RecordFinder finder;
    private final Permissions permissions;
    private final RoleDirectory roles;
    private final Clock clock;
    private final AccessCache<Key, List<ListView>> offered;

    private record Key(long userId, String objectCode) {
    }

    ListViews(DSLContext db, RecordFinder finder, Permissions permissions, RoleDirectory roles, Clock clock,
              AccessVersion version) {
        this.offered = new AccessCache<>(version, KEPT);
        this.db = db;
        this.finder = finder;
        this.permissions = permissions;
        this.roles = roles;
        this.clock = clock;
    }

    /** The views of an object the actor owns or that are shared with them: their own first, then by name. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS) // shown on every list page: no COMMIT of its own (see RecordFinder)
    public List<ListView> visibleTo(long actorId, String objectCode) {
        finder.describe(actorId, objectCode);
        return offered.get(new Key(actorId, objectCode), key -> load(OBJECT.eq(objectCode).and(sharedWith(actorId))).stream()
                .sorted((a, b) -> a.ownerId() == actorId && b.ownerId() != actorId ? -1
                        : b.ownerId() == actorId && a.ownerId() != actorId ? 1 : a.name().compareToIgnoreCase(b.name()))
                .toList());
    }

    /** A view the actor may use, or "not found" (also for views that exist but are not shared with them). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public ListView find(long actorId, String objectCode, long id) {
        return visibleTo(actorId, objectCode).stream().filter(view -> view.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("view " + id));
    }

    public ListView create(long actorId, String objectCode, ListViewInput input) {
        check(actorId, objectCode, input);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id;
        try {
            id = db.insertInto(VIEW).set(OBJECT, objectCode).set(NAME, input.name().strip()).set(OWNER, actorId)
                    .set(SHARING, input.sharing().name()).set(SCENE, input.scene().code())
                    .set(QUICK_SEARCH, blankToNull(input.quickSearch())).set(FILTER, blankToNull(input.filter()))
                    .set(SORT, blankToNull(input.sort())).set(COLUMNS, input.columns().toArray(String[]::new))
                    .set(field(name("list_view", "created_at"), OffsetDateTime.class), now).set(UPDATED_AT, now)
                    .returning(ID).fetchOne().get(ID);
        } catch (DuplicateKeyException e) {
            throw nameTaken(input);
        }
        saveRoles(id, input);
        return find(actorId, objectCode, id);
    }

    /** Replaces a view's name, sharing and list state; refused when someone saved it since {@code expectedVersion}. */
    public ListView update(long actorId, String objectCode, long id, int expectedVersion, ListViewInput input) {
        ListView current = manageable(actorId, objectCode, id);
        check(actorId, objectCode, input);
        int updated;
        try {
            updated = db.update(VIEW).set(NAME, input.name().strip()).set(SHARING, input.sharing().name())
                    .set(SCENE, input.scene().code()).set(QUICK_SEARCH, blankToNull(input.quickSearch()))
                    .set(FILTER, blankToNull(input.filter())).set(SORT, blankToNull(input.sort()))
                    .set(COLUMNS, input.columns().toArray(String[]::new)).set(UPDATED_AT, OffsetDateTime.now(clock))
                    .set(VERSION, VERSION.plus(1)).where(ID.eq(current.id())).and(VERSION.eq(expectedVersion)).execute();
        } catch (DuplicateKeyException e) {
            throw nameTaken(input);
        }
        if (updated == 0) {
            throw new ConflictException("view.error.stale", current.name());
        }
        db.deleteFrom(VIEW_ROLE).where(VIEW_ID.eq(id)).execute();
        saveRoles(id, input);
        return find(actorId, objectCode, id);
    }

    public void delete(long actorId, String objectCode, long id) {
        db.deleteFrom(VIEW).where(ID.eq(manageable(actorId, objectCode, id).id())).execute();
    }

    /** Whether the actor may change or delete the view: their own, or a shared one when they are an administrator. */
    public boolean mayManage(long actorId, ListView view) {
        return view.ownerId() == actorId
                || view.sharing() != ListView.Sharing.PERSONAL && permissions.isAdministrator(actorId);
    }

    private ListView manageable(long actorId, String objectCode, long id) {
        ListView view = find(actorId, objectCode, id);
        if (!mayManage(actorId, view)) {
            throw new AccessDeniedException("view " + id + " belongs to someone else");
        }
        return view;
    }

    private void check(long actorId, String objectCode, ListViewInput input) {
        InputChecks checks = new InputChecks();
        checks.required("name", input.name(), NAME_MAX);
        if (input.sharing() != ListView.Sharing.PERSONAL && !permissions.isAdministrator(actorId)) {
            checks.add("sharing", "view.error.share-admin-only");
        }
        if (input.sharing() == ListView.Sharing.ROLES) {
            checks.check(!input.roleIds().isEmpty(), "roleIds", "view.error.roles-required");
        }
        ObjectDef object = finder.describe(actorId, objectCode);
        Set<String> unknown = input.columns().stream().filter(c -> SystemFields.find(object, c).isEmpty())
                .collect(Collectors.toSet());
        checks.check(unknown.isEmpty(), "columns", "view.error.columns", String.join(", ", unknown));
        checks.throwIfAny();
        // The filter, sort and scene are checked by running the list once, as its future users will.
        finder.list(actorId, objectCode, new RecordListRequest(input.quickSearch(), input.filter(), input.scene(),
                input.sort(), null, 1));
    }

    private void saveRoles(long viewId, ListViewInput input) {
        if (input.sharing() == ListView.Sharing.ROLES) {
            try {
                for (Long role : input.roleIds()) {
                    db.insertInto(VIEW_ROLE).set(VIEW_ID, viewId).set(ROLE_ID, role).execute();
                }
            } catch (DataIntegrityViolationException noSuchRole) {
                throw InvalidInputException.of("roleIds", "view.error.roles-unknown");
            }
        }
    }

    private Condition sharedWith(long actorId) {
        Set<Long> mine = roles.rolesOf(actorId);
        Condition viaRole = mine.isEmpty() ? DSL.falseCondition()
                : SHARING.eq("ROLES").and(DSL.exists(DSL.selectOne().from(VIEW_ROLE)
                        .where(VIEW_ID.eq(ID)).and(ROLE_ID.in(mine))));
        return OWNER.eq(actorId).or(SHARING.eq("EVERYONE")).or(viaRole);
    }

    /** The columns a view is read with, named: with {@code select *} jOOQ builds the fields of every answer from the JDBC metadata. */
    private static final List<Field<?>> VIEW_COLUMNS = List.of(ID, OBJECT, NAME, OWNER, SHARING, SCENE, QUICK_SEARCH,
            FILTER, SORT, COLUMNS, VERSION);

    private List<ListView> load(Condition where) {
        var rows = db.select(VIEW_COLUMNS).from(VIEW).where(where).fetch();
        Set<Long> ids = new HashSet<>(rows.getValues(ID));
        Map<Long, Set<Long>> rolesByView = ids.isEmpty() ? Map.of() : db.select(VIEW_ID, ROLE_ID).from(VIEW_ROLE)
                .where(VIEW_ID.in(ids)).fetchGroups(VIEW_ID, ROLE_ID).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        return rows.map(r -> new ListView(r.get(ID), r.get(OBJECT), r.get(NAME), r.get(OWNER),
                ListView.Sharing.valueOf(r.get(SHARING)), rolesByView.getOrDefault(r.get(ID), Set.of()),
                Scene.of(r.get(SCENE)).orElse(Scene.ALL), r.get(QUICK_SEARCH), r.get(FILTER), r.get(SORT),
                Arrays.asList(Optional.ofNullable(r.get(COLUMNS)).orElse(new String[0])), r.get(VERSION)));
    }

    private static RuntimeException nameTaken(ListViewInput input) {
        return InvalidInputException.of("name", "view.error.name-taken", input.name().strip());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
