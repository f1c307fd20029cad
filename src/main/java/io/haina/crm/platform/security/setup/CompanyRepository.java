package io.haina.crm.platform.security.setup;

import static org.jooq.impl.DSL.field;
import org.jooq.impl.DSL;
import static org.jooq.impl.DSL.table;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** The one company this database belongs to. Its name is read on every page, so it is cached. */
@Repository
public class CompanyRepository {

    private static final Table<Record> COMPANY = table(DSL.name("company"));
    private static final Field<Integer> ID = field(DSL.name("id"), Integer.class);
    private static final Field<String> NAME = field(DSL.name("name"), String.class);

    private final DSLContext db;
    private final AtomicReference<String> cachedName = new AtomicReference<>();

    CompanyRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<String> name() {
        String cached = cachedName.get();
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> name = db.select(NAME).from(COMPANY).where(ID.eq(1)).fetchOptional(NAME);
        name.ifPresent(cachedName::set);
        return name;
    }

    /** Creates the company row; false when it exists already (setup raced or was done). */
    public boolean create(String companyName) {
        boolean created = db.insertInto(COMPANY).set(ID, 1).set(NAME, companyName).onConflictDoNothing().execute() == 1;
        cachedName.set(null);
        return created;
    }

    public void clearCache() {
        cachedName.set(null);
    }
}
