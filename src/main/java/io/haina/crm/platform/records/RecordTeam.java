package io.haina.crm.platform.records;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.security.AccessCache;
import io.haina.crm.platform.security.AccessVersion;

/** The team rows of records, and the conditions that let team members through the access checks. */
@Component
class RecordTeam {

    private static final Table<Record> TEAM = table(name("record_team"));
    private static final Field<String> OBJECT = field(name("record_team", "object_code"), String.class);
    private static final Field<Long> RECORD = field(name("record_team", "record_id"), Long.class);
    private static final Field<Long> USER = field(name("record_team", "user_id"), Long.class);
    private static final Field<String> ACCESS = field(name("record_team", "access"), String.class);
    private static final Field<OffsetDateTime> EXPIRES = field(name("record_team", "expires_at"), OffsetDateTime.class);
    private static final Field<Long> ADDED_BY = field(name("record_team", "added_by"), Long.class);
    private static final Field<OffsetDateTime> ADDED_AT = field(name("record_team", "added_at"), OffsetDateTime.class);

    private final DSLContext db;
    private final Clock clock;

    /** Users times objects times read/edit; beyond this many the answer is read, not kept. */
    private static final int KEPT = 50_000;

    private final AccessCache<Membership, Boolean> onAnyTeam;

    RecordTeam(DSLContext db, Clock clock, AccessVersion version) {
        this.db = db;
        this.clock = clock;
        this.onAnyTeam = new AccessCache<>(version, KEPT);
    }

    /**
     * Records of the table on whose team the user is now (with edit access, if {@code toEdit}).
     * Most users are on no team of an object: then the condition is plain "none", which keeps the
     * list queries free of a subquery the planner would have to weigh.
     */
    Condition includes(long userId, String objectCode, RecordTable t, boolean toEdit) {
        Membership membership = new Membership(userId, objectCode, toEdit);
        if (!onAnyTeam.get(membership, m -> db.fetchExists(TEAM, memberOf(m)))) {
            return DSL.falseCondition();
        }
        return t.id.in(DSL.select(RECORD).from(TEAM).where(memberOf(membership)));
    }

    /**
     * Whether a user is on any team of an object is kept per access version (team changes move it).
     * A membership that expires meanwhile stays "on a team" until then, which only costs the
     * subquery: the subquery itself checks expiry.
     */
    private record Membership(long userId, String objectCode, boolean toEdit) {
    }

    private Condition memberOf(Membership m) {
        Condition member = OBJECT.eq(m.objectCode()).and(USER.eq(m.userId()))
                .and(EXPIRES.isNull().or(EXPIRES.gt(OffsetDateTime.now(clock))));
        return m.toEdit() ? member.and(ACCESS.eq("EDIT")) : member;
    }

    List<TeamMember> of(String objectCode, long recordId) {
        return db.select(USER, ACCESS, EXPIRES, ADDED_BY, ADDED_AT).from(TEAM).where(OBJECT.eq(objectCode))
                .and(RECORD.eq(recordId)).orderBy(ADDED_AT, USER)
                .fetch(r -> new TeamMember(r.value1(), "EDIT".equals(r.value2()), r.value3(), r.value4(), r.value5()));
    }

    void put(String objectCode, long recordId, long userId, boolean canEdit, OffsetDateTime expiresAt, long actorId) {
        String access = canEdit ? "EDIT" : "READ";
        db.insertInto(TEAM).set(OBJECT, objectCode).set(RECORD, recordId).set(USER, userId).set(ACCESS, access)
                .set(EXPIRES, expiresAt).set(ADDED_BY, actorId).set(ADDED_AT, OffsetDateTime.now(clock))
                .onConflict(OBJECT, RECORD, USER).doUpdate().set(ACCESS, access).set(EXPIRES, expiresAt).execute();
    }

    /**
     * Puts the team of one record on another (a merge): each member keeps the wider access and the
     * later expiry of the two teams; the kept record's owner needs no place on its team. Returns
     * the members the kept record did not have before.
     */
    List<TeamMember> moveAll(String objectCode, long fromId, long toId, Long keptOwnerId) {
        List<TeamMember> before = of(objectCode, toId);
        List<TeamMember> moving = of(objectCode, fromId).stream()
                .filter(m -> keptOwnerId == null || m.userId() != keptOwnerId).toList();
        for (TeamMember member : moving) {
            var already = before.stream().filter(m -> m.userId() == member.userId()).findFirst();
            boolean canEdit = member.canEdit() || already.map(TeamMember::canEdit).orElse(false);
            OffsetDateTime expires = already.isEmpty() ? member.expiresAt() : later(member.expiresAt(), already.get().expiresAt());
            db.insertInto(TEAM).set(OBJECT, objectCode).set(RECORD, toId).set(USER, member.userId())
                    .set(ACCESS, canEdit ? "EDIT" : "READ").set(EXPIRES, expires).set(ADDED_BY, member.addedBy())
                    .set(ADDED_AT, member.addedAt()).onConflict(OBJECT, RECORD, USER).doUpdate()
                    .set(ACCESS, canEdit ? "EDIT" : "READ").set(EXPIRES, expires).execute();
        }
        db.deleteFrom(TEAM).where(OBJECT.eq(objectCode)).and(RECORD.eq(fromId)).execute();
        return moving.stream().filter(m -> before.stream().noneMatch(b -> b.userId() == m.userId())).toList();
    }

    /** The later of two expiries, where none means never. */
    private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        return a == null || b == null ? null : a.isAfter(b) ? a : b;
    }

    boolean remove(String objectCode, long recordId, long userId) {
        return db.deleteFrom(TEAM).where(OBJECT.eq(objectCode)).and(RECORD.eq(recordId)).and(USER.eq(userId)).execute() > 0;
    }
}
