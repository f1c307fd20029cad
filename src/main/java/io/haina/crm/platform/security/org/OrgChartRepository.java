package io.haina.crm.platform.security.org;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import io.haina.crm.platform.security.org.OrgTables.Departments;
import io.haina.crm.platform.security.org.OrgTables.Users;

/** Loads the {@link OrgChart}: two narrow, indexed reads, a few milliseconds for thousands of users. */
@Repository
public class OrgChartRepository {

    private final DSLContext db;

    OrgChartRepository(DSLContext db) {
        this.db = db;
    }

    public OrgChart load() {
        var units = db.select(Departments.ID, Departments.PARENT_ID).from(Departments.TABLE)
                .fetch(r -> new OrgChart.Unit(r.value1(), r.value2()));
        var members = db.select(Users.ID, Users.DEPARTMENT_ID, Users.MANAGER_ID).from(Users.TABLE)
                .fetch(r -> new OrgChart.Member(r.value1(), r.value2(), r.value3()));
        return new OrgChart(units, members);
    }
}
