package io.haina.crm.platform.security.org;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import io.haina.crm.platform.database.LikePatterns;
import io.haina.crm.platform.security.UserContact;
import io.haina.crm.platform.security.org.OrgTables.Users;

/** Reads and writes {@code app_user}. Access checks are the callers' (the services'). */
@Repository
public class UserRepository {

    private final DSLContext db;

    UserRepository(DSLContext db) {
        this.db = db;
    }

    public boolean anyExists() {
        return db.fetchExists(Users.TABLE);
    }

    public Optional<UserAccount> findById(long id) {
        return db.select().from(Users.TABLE).where(Users.ID.eq(id)).fetchOptional(UserRepository::toAccount);
    }

    public Optional<UserAccount> findByUsername(String username) {
        return db.select().from(Users.TABLE).where(DSL.lower(Users.USERNAME).eq(username.toLowerCase(java.util.Locale.ROOT)))
                .fetchOptional(UserRepository::toAccount);
    }

    public Optional<String> passwordHash(long id) {
        return db.select(Users.PASSWORD_HASH).from(Users.TABLE).where(Users.ID.eq(id)).fetchOptional(Users.PASSWORD_HASH);
    }

    public boolean usernameTaken(String username, Long exceptId) {
        Condition same = DSL.lower(Users.USERNAME).eq(username.toLowerCase(java.util.Locale.ROOT));
        return db.fetchExists(Users.TABLE, exceptId == null ? same : same.and(Users.ID.ne(exceptId)));
    }

    public boolean emailTaken(String email, Long exceptId) {
        Condition same = DSL.lower(Users.EMAIL).eq(email.toLowerCase(java.util.Locale.ROOT));
        return db.fetchExists(Users.TABLE, exceptId == null ? same : same.and(Users.ID.ne(exceptId)));
    }

    /** Users matching a filter, among the given ids ({@code null}: all), by display name. */
    public List<UserAccount> list(Collection<Long> onlyIds, String query, Long departmentId, UserStatus status, int limit) {
        Condition where = DSL.noCondition();
        if (onlyIds != null) {
            where = where.and(Users.ID.in(onlyIds));
        }
        if (query != null && !query.isBlank()) {
            String like = LikePatterns.containing(query);
            where = where.and(Users.DISPLAY_NAME.likeIgnoreCase(like).or(Users.USERNAME.likeIgnoreCase(like))
                    .or(Users.EMAIL.likeIgnoreCase(like)).or(Users.PHONE.like(like)));
        }
        if (departmentId != null) {
            where = where.and(Users.DEPARTMENT_ID.eq(departmentId));
        }
        if (status != null) {
            where = where.and(Users.STATUS.eq(status.name()));
        }
        return db.select().from(Users.TABLE).where(where).orderBy(Users.DISPLAY_NAME, Users.ID).limit(limit)
                .fetch(UserRepository::toAccount);
    }

    public long insert(NewUser user, String passwordHash) {
        return db.insertInto(Users.TABLE)
                .set(Users.USERNAME, user.username())
                .set(Users.DISPLAY_NAME, user.displayName())
                .set(Users.EMAIL, user.email())
                .set(Users.PHONE, user.phone())
                .set(Users.POSITION, user.position())
                .set(Users.DEPARTMENT_ID, user.departmentId())
                .set(Users.MANAGER_ID, user.managerId())
                .set(Users.STATUS, UserStatus.ACTIVE.name())
                .set(Users.PASSWORD_HASH, passwordHash)
                .set(Users.LOCALE, user.locale())
                .returning(Users.ID).fetchOne(Users.ID);
    }

    /** Updates the profile fields when the version still matches; false when someone changed it first. */
    public boolean update(long id, int expectedVersion, UserProfile profile) {
        return db.update(Users.TABLE)
                .set(Users.DISPLAY_NAME, profile.displayName())
                .set(Users.EMAIL, profile.email())
                .set(Users.PHONE, profile.phone())
                .set(Users.POSITION, profile.position())
                .set(Users.DEPARTMENT_ID, profile.departmentId())
                .set(Users.MANAGER_ID, profile.managerId())
                .set(Users.UPDATED_AT, OffsetDateTime.now())
                .set(Users.VERSION, Users.VERSION.plus(1))
                .where(Users.ID.eq(id)).and(Users.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    public void setStatus(long id, UserStatus status) {
        db.update(Users.TABLE).set(Users.STATUS, status.name()).set(Users.UPDATED_AT, OffsetDateTime.now())
                .set(Users.VERSION, Users.VERSION.plus(1)).where(Users.ID.eq(id)).execute();
    }

    public void setPasswordHash(long id, String hash) {
        db.update(Users.TABLE).set(Users.PASSWORD_HASH, hash).set(Users.PASSWORD_CHANGED_AT, OffsetDateTime.now())
                .where(Users.ID.eq(id)).execute();
    }

    public void setLocale(long id, String languageTag) {
        db.update(Users.TABLE).set(Users.LOCALE, languageTag).where(Users.ID.eq(id)).execute();
    }

    public void setPreferences(long id, String displayName, String languageTag, String timeZone) {
        db.update(Users.TABLE).set(Users.DISPLAY_NAME, displayName).set(Users.LOCALE, languageTag)
                .set(Users.TIME_ZONE, timeZone).set(Users.UPDATED_AT, OffsetDateTime.now())
                .where(Users.ID.eq(id)).execute();
    }

    /** The user's address, language and e-mail switch, for notifications. */
    public Optional<UserContact> contactOf(long id) {
        return db.select(Users.ID, Users.DISPLAY_NAME, Users.EMAIL, Users.LOCALE, Users.STATUS, Users.EMAIL_NOTIFICATIONS)
                .from(Users.TABLE).where(Users.ID.eq(id))
                .fetchOptional(r -> new UserContact(r.value1(), r.value2(), r.value3(),
                        r.value4() == null ? null : java.util.Locale.forLanguageTag(r.value4()),
                        UserStatus.ACTIVE.name().equals(r.value5()), r.value6()));
    }

    public boolean emailNotifications(long id) {
        return db.select(Users.EMAIL_NOTIFICATIONS).from(Users.TABLE).where(Users.ID.eq(id))
                .fetchOptional(Users.EMAIL_NOTIFICATIONS).orElse(true);
    }

    public void setEmailNotifications(long id, boolean on) {
        db.update(Users.TABLE).set(Users.EMAIL_NOTIFICATIONS, on).set(Users.UPDATED_AT, OffsetDateTime.now())
                .where(Users.ID.eq(id)).execute();
    }

    public int countInDepartment(long departmentId) {
        return db.fetchCount(Users.TABLE, Users.DEPARTMENT_ID.eq(departmentId));
    }

    private static UserAccount toAccount(Record r) {
        return new UserAccount(r.get(Users.ID), r.get(Users.USERNAME), r.get(Users.DISPLAY_NAME), r.get(Users.EMAIL),
                r.get(Users.PHONE), r.get(Users.POSITION), r.get(Users.DEPARTMENT_ID), r.get(Users.MANAGER_ID),
                UserStatus.valueOf(r.get(Users.STATUS)), r.get(Users.LOCALE), r.get(Users.TIME_ZONE),
                r.get(Users.CREATED_AT), r.get(Users.VERSION));
    }
}
