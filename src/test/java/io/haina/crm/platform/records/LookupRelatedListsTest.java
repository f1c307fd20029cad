package io.haina.crm.platform.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;

/**
 * Which related lists the lookups of declared objects give an object. (No object has a lookup
 * yet, so this runs on small declarations; the reading of rows is covered end to end through a
 * contributed list in RecordDetailIntegrationTest.)
 */
class LookupRelatedListsTest {

    final ObjectDef customer = object("customer", List.of(text("name")), List.of("name"));
    final ObjectDef contact = object("contact", List.of(text("name"), lookup("customer_id", "customer"), text("phone"),
            text("title"), text("email"), text("wechat")), List.of("name", "customer_id", "phone", "title", "email", "wechat"));
    final ObjectDef opportunity = object("opportunity", List.of(text("name"), lookup("customer_id", "customer"),
            lookup("partner_id", "customer"), lookup("contact_id", "contact")), List.of("name", "customer_id"));

    @Test
    void everyLookupToTheObjectGivesItAListOfTheChildrenFilteredByTheParentsId() {
        List<LookupRelatedLists.Derived> lists = LookupRelatedLists.derive(List.of(customer, contact, opportunity), "customer");

        assertThat(lists).extracting(d -> d.list().key())
                .containsExactly("contact-customer_id", "opportunity-customer_id", "opportunity-partner_id");
        RelatedList contacts = lists.getFirst().list();
        assertThat(lists.getFirst().lookupField()).isEqualTo("customer_id");
        assertThat(contacts.childObject()).isEqualTo("contact");
        assertThat(contacts.titleKey()).isEqualTo("object.contact.plural");
        assertThat(contacts.qualifierKey()).as("one list of contacts needs no qualifier").isNull();
        assertThat(contacts.columns()).as("without the name and the lookup itself, three at most")
                .containsExactly("phone", "title", "email");
        RecordData acme = record("customer", 42);
        assertThat(contacts.filter().apply(acme)).isEqualTo("customer_id eq 42");
        assertThat(contacts.prefill().apply(acme)).isEqualTo(Map.of("customer_id", "42"));
        assertThat(lists.get(2).list().qualifierKey()).as("two lists of opportunities are told apart")
                .isEqualTo("opportunity.field.partner_id");
    }

    @Test
    void anObjectNothingPointsAtHasNoLists() {
        assertThat(LookupRelatedLists.derive(List.of(customer, contact, opportunity), "opportunity")).isEmpty();
        assertThat(LookupRelatedLists.derive(List.of(customer, contact, opportunity), "contact"))
                .extracting(d -> d.list().key()).containsExactly("opportunity-contact_id");
    }

    private static ObjectDef object(String code, List<FieldDef> fields, List<String> columns) {
        return new ObjectDef(code, "object." + code, code, "name", fields, columns);
    }

    private static FieldDef text(String name) {
        return FieldDef.optional(name, "x." + name, new FieldType.Text(100));
    }

    private static FieldDef lookup(String name, String target) {
        return FieldDef.optional(name, "opportunity.field." + name, new FieldType.Lookup(target));
    }

    private static RecordData record(String object, long id) {
        OffsetDateTime now = OffsetDateTime.now();
        return new RecordData(object, id, Map.of(), 1L, null, 1, now, 1, now, 0);
    }
}
