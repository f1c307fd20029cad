package io.haina.crm.sales.lead;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * Which lead field fills which field of the customer and the contact a lead becomes: a built-in
 * mapping (the lead's company names the customer, its person the contact) with an
 * administrator's changes laid over it.
 */
@Component
public class LeadConversionMapping {

    /** Target field → lead field, for the customer. */
    static final Map<String, String> CUSTOMER = ordered(
            "name", "company", "phone", "phone", "email", "email", "region", "region", "industry", "industry",
            "company_size", "company_size", "source", "source", "description", "description");
    /** Target field → lead field, for the contact. */
    static final Map<String, String> CONTACT = ordered(
            "name", "name", "title", "title", "mobile", "mobile", "phone", "phone", "email", "email", "wechat", "wechat");

    private static final Table<Record> MAPPING = table(name("lead_conversion_mapping"));
    private static final Field<String> TARGET_OBJECT = field(name("target_object"), String.class);
    private static final Field<String> TARGET_FIELD = field(name("target_field"), String.class);
    private static final Field<String> LEAD_FIELD = field(name("lead_field"), String.class);

    private final DSLContext db;

    LeadConversionMapping(DSLContext db) {
        this.db = db;
    }

    /** The mapping for a target object as it stands: built in, changed where an administrator changed it. */
    public Map<String, String> of(String targetObject) {
        Map<String, String> mapping = new LinkedHashMap<>(targetObject.equals("customer") ? CUSTOMER : CONTACT);
        db.select(TARGET_FIELD, LEAD_FIELD).from(MAPPING).where(TARGET_OBJECT.eq(targetObject))
                .forEach(row -> mapping.put(row.value1(), row.value2()));
        return mapping;
    }

    /** Saves an administrator's mapping for one target object (null: leave that target field blank). */
    void save(String targetObject, Map<String, String> mapping) {
        db.deleteFrom(MAPPING).where(TARGET_OBJECT.eq(targetObject)).execute();
        mapping.forEach((target, lead) -> db.insertInto(MAPPING).set(TARGET_OBJECT, targetObject).set(TARGET_FIELD, target)
                .set(LEAD_FIELD, lead).execute());
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
