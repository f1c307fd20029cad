package io.haina.crm.testsupport;

import java.util.List;
import java.util.Map;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RelatedList;
import io.haina.crm.platform.records.RelatedListSource;

/**
 * A related list contributed the way a feature module would, for tests of the related-list SPI
 * while no object has a lookup yet: on a product, the products of the same category. Idle
 * unless a test arms it.
 */
public class SameCategoryProducts implements RelatedListSource {

    public static final String KEY = "same-category";

    private volatile boolean armed;

    public void arm() {
        armed = true;
    }

    public void disarm() {
        armed = false;
    }

    @Override
    public List<RelatedList> listsFor(long actorId, ObjectDef parent) {
        if (!armed || !parent.code().equals("product")) {
            return List.of();
        }
        return List.of(new RelatedList(KEY, "object.product.plural", "product.field.category", "product",
                List.of("code", "list_price", "unit"), SameCategoryProducts::sameCategory,
                product -> product.get("category") == null ? Map.of() : Map.of("category", (String) product.get("category"))));
    }

    private static String sameCategory(RecordData product) {
        Object category = product.get("category");
        return category == null ? "category empty" : "category eq '" + category + "'";
    }
}
