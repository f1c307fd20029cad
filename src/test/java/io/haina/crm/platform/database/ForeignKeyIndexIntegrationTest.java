package io.haina.crm.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.haina.crm.platform.customize.ObjectCustomization;
import io.haina.crm.platform.metadata.CustomFieldKind;
import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;

/**
 * Every column that points at another row has an index that starts with it: foreign keys (so a
 * delete or an update of the referenced row does not scan the referencing table) and the columns
 * of lookup, user and department fields (filtered on in lists and data scopes). Read from the
 * catalog of the migrated database, so a new migration or object that forgets one fails here.
 */
@HainaIntegrationTest
class ForeignKeyIndexIntegrationTest {

    /** Foreign keys (any number of columns) with no plain index whose leading columns are theirs. */
    static final String UNINDEXED_FOREIGN_KEYS = """
            select c.conrelid::regclass::text as table_name,
                   (select string_agg(a.attname, ', ' order by k.ord) from unnest(c.conkey) with ordinality k(attnum, ord)
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as column_names
            from pg_constraint c
            where c.contype = 'f' and c.connamespace = current_schema()::regnamespace
              and not exists (
                select 1 from pg_index i
                where i.indrelid = c.conrelid and i.indpred is null
                  and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                  and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
            order by 1, 2""";

    /** Whether a plain index of the table starts with the column. */
    static final String LEADING_INDEX = """
            select exists (
                select 1 from pg_index i
                join pg_class t on t.oid = i.indrelid and t.relnamespace = current_schema()::regnamespace
                join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0]
                where t.relname = ? and a.attname = ? and i.indpred is null)""";

    @Autowired
    DSLContext db;
    @Autowired
    ObjectRegistry objects;
    @Autowired
    ObjectCustomization customization;
    @Autowired
    TestOrg org;

    @Test
    void everyForeignKeyHasAnIndexThatStartsWithIt() {
        assertThat(unindexedForeignKeys(db)).as("foreign keys without an index starting with their columns").isEmpty();
    }

    @Test
    void everyLookupUserAndDepartmentFieldHasAnIndexThatStartsWithIt() {
        assertThat(unindexedReferenceFields()).as("reference fields without an index starting with their column").isEmpty();
    }

    /** Administrators' reference fields are columns added by DDL at run time: they get their index there. */
    @Test
    void customLookupAndUserFieldsGetAnIndexWhenAdded() {
        long admin = org.admin();
        customization.addCustomField(admin, "product", "替代产品", "Replacement product", CustomFieldKind.LOOKUP,
                List.of(), "product");
        customization.addCustomField(admin, "product", "产品经理", "Product manager", CustomFieldKind.USER, List.of());
        assertThat(objects.find("product").orElseThrow().fields()).extracting(FieldDef::name)
                .contains("cf_replacement_product", "cf_product_manager");
        assertThat(unindexedReferenceFields()).as("reference fields without an index starting with their column").isEmpty();
    }

    private List<String> unindexedReferenceFields() {
        List<String> missing = new ArrayList<>();
        for (ObjectDef object : objects.all()) {
            for (FieldDef field : object.fields()) {
                boolean reference = field.type() instanceof FieldType.Lookup || field.type() instanceof FieldType.UserRef
                        || field.type() instanceof FieldType.DepartmentRef;
                if (reference && !db.fetchSingle(LEADING_INDEX, object.table(), field.name()).get(0, Boolean.class)) {
                    missing.add(object.table() + "." + field.name());
                }
            }
        }
        return missing;
    }

    /** The check itself finds what it is for: a table with an unindexed reference, made and rolled back. */
    @Test
    void theCheckNamesTheTableAndColumnOfAnUnindexedForeignKey() {
        List<String> found = new ArrayList<>();
        try {
            db.transaction(tx -> {
                tx.dsl().execute("create table fk_probe (id bigint primary key, owner_id bigint references app_user (id), "
                        + "department_id bigint references department (id))");
                tx.dsl().execute("create index fk_probe_department_idx on fk_probe (department_id, id)");
                found.addAll(unindexedForeignKeys(tx.dsl()));
                throw new RollBack();
            });
        } catch (RollBack expected) {
            // the probe table is gone again
        }
        assertThat(found).containsExactly("fk_probe.owner_id");
    }

    private static List<String> unindexedForeignKeys(DSLContext db) {
        return db.fetch(UNINDEXED_FOREIGN_KEYS).map(r -> r.get(0, String.class) + "." + r.get(1, String.class));
    }

    private static final class RollBack extends RuntimeException {
    }
}
