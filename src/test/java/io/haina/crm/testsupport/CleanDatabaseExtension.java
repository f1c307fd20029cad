package io.haina.crm.testsupport;

import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import io.haina.crm.platform.metadata.MetadataStore;
import io.haina.crm.platform.notify.inbox.UnreadCounts;
import io.haina.crm.platform.security.setup.CompanyRepository;
import io.haina.crm.platform.security.setup.SetupState;

/** Empties every table but Flyway's before each test, and forgets what the app cached about them. */
public class CleanDatabaseExtension implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        DSLContext db = spring.getBean(DSLContext.class);
        // Custom fields added by a test are columns; drop them so the next test starts from the declarations.
        db.fetch("""
                select quote_ident(table_name), quote_ident(column_name) from information_schema.columns
                where table_schema = current_schema() and column_name like 'cf\\_%'""")
                .forEach(r -> db.execute("alter table " + r.get(0, String.class) + " drop column " + r.get(1, String.class)));
        // The access version's one row stays: it only ever moves on (the truncate below moves it).
        List<String> tables = db.fetch("""
                select quote_ident(tablename) from pg_tables
                where schemaname = current_schema() and tablename not in ('flyway_schema_history', 'access_version')""").getValues(0, String.class);
        if (!tables.isEmpty()) {
            db.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
        }
        spring.getBean(SetupState.class).forget();
        spring.getBean(MetadataStore.class).forget();
        spring.getBean(ProbeHook.class).disarm();
        spring.getBean(MergeTrap.class).disarm();
        spring.getBean(SameCategoryProducts.class).disarm();
        spring.getBean(CompanyRepository.class).clearCache();
        spring.getBean(UnreadCounts.class).forgetAll();
        spring.getBean(MutableClock.class).reset();
    }
}
