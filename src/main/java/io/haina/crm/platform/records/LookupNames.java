package io.haina.crm.platform.records;

import java.util.Map;
import java.util.Optional;

/**
 * The names of records that lookup fields point at, as one reader may see them, by target object
 * and id. A target missing here is one the reader may not see (or that is gone): pages show a
 * neutral placeholder for it, never its name.
 */
public final class LookupNames {

    public static final LookupNames NONE = new LookupNames(Map.of());

    private final Map<String, Map<Long, String>> byObject;

    LookupNames(Map<String, Map<Long, String>> byObject) {
        this.byObject = Map.copyOf(byObject);
    }

    /** The target's name, when the reader may see it. */
    public Optional<String> of(String objectCode, long id) {
        return Optional.ofNullable(byObject.getOrDefault(objectCode, Map.of()).get(id));
    }
}
