package io.haina.crm.platform.security.org;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import io.haina.crm.platform.security.org.OrgTables.Departments;
import io.haina.crm.platform.security.org.OrgTables.Users;

/** Reads and writes {@code department}. */
@Repository
public class DepartmentRepository {

    private final DSLContext db;

    DepartmentRepository(DSLContext db) {
        this.db = db;
    }

    public List<Department> all() {
        return db.select().from(Departments.TABLE).orderBy(Departments.SORT_ORDER, Departments.NAME)
                .fetch(DepartmentRepository::toDepartment);
    }

    public Optional<Department> find(long id) {
        return db.select().from(Departments.TABLE).where(Departments.ID.eq(id))
                .fetchOptional(DepartmentRepository::toDepartment);
    }

    public boolean siblingNameTaken(Long parentId, String name, Long exceptId) {
        Condition sameParent = parentId == null ? Departments.PARENT_ID.isNull() : Departments.PARENT_ID.eq(parentId);
        Condition same = sameParent.and(DSL.lower(Departments.NAME).eq(name.toLowerCase(Locale.ROOT)));
        return db.fetchExists(Departments.TABLE, exceptId == null ? same : same.and(Departments.ID.ne(exceptId)));
    }

    public long insert(Long parentId, String name) {
        return db.insertInto(Departments.TABLE).set(Departments.PARENT_ID, parentId).set(Departments.NAME, name)
                .returning(Departments.ID).fetchOne(Departments.ID);
    }

    public boolean rename(long id, int expectedVersion, String name) {
        return db.update(Departments.TABLE).set(Departments.NAME, name).set(Departments.UPDATED_AT, OffsetDateTime.now())
                .set(Departments.VERSION, Departments.VERSION.plus(1))
                .where(Departments.ID.eq(id)).and(Departments.VERSION.eq(expectedVersion)).execute() == 1;
    }

    public boolean move(long id, int expectedVersion, Long parentId) {
        return db.update(Departments.TABLE).set(Departments.PARENT_ID, parentId).set(Departments.UPDATED_AT, OffsetDateTime.now())
                .set(Departments.VERSION, Departments.VERSION.plus(1))
                .where(Departments.ID.eq(id)).and(Departments.VERSION.eq(expectedVersion)).execute() == 1;
    }

    /** Active members per department, for the tree. */
    public Map<Long, Integer> activeMemberCounts() {
        return db.select(Users.DEPARTMENT_ID, DSL.count()).from(Users.TABLE)
                .where(Users.DEPARTMENT_ID.isNotNull()).and(Users.STATUS.eq(UserStatus.ACTIVE.name()))
                .groupBy(Users.DEPARTMENT_ID).fetchMap(r -> r.value1(), r -> r.value2());
    }

    public int childCount(long id) {
        return db.fetchCount(Departments.TABLE, Departments.PARENT_ID.eq(id));
    }

    public void delete(long id) {
        db.deleteFrom(Departments.TABLE).where(Departments.ID.eq(id)).execute();
    }

    private static Department toDepartment(Record r) {
        return new Department(r.get(Departments.ID), r.get(Departments.PARENT_ID), r.get(Departments.NAME),
                r.get(Departments.SORT_ORDER), r.get(Departments.VERSION));
    }
}
