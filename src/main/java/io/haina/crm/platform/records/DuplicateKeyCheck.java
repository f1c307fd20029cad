package io.haina.crm.platform.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.metadata.DuplicateKey;
import io.haina.crm.platform.metadata.FieldAccess;
import io.haina.crm.platform.metadata.ObjectDef;

/**
 * The engine's check by {@linkplain ObjectDef#duplicateKeys() declared keys}: a visible record
 * whose stored key equals the key of the value typed (北京海纳科技 meets （北京）海纳科技有限公司).
 * One indexed lookup per key.
 */
@Component
@Order(1)
class DuplicateKeyCheck implements DuplicateCheck {

    private final VisibleMatches matches;

    DuplicateKeyCheck(VisibleMatches matches) {
        this.matches = matches;
    }

    @Override
    public boolean appliesTo(ObjectDef object) {
        return !object.duplicateKeys().isEmpty();
    }

    @Override
    public List<DuplicateCandidate> candidates(long actorId, ObjectDef object, Map<String, String> input) {
        RecordTable t = new RecordTable(object);
        List<DuplicateCandidate> found = new ArrayList<>();
        for (DuplicateKey key : object.duplicateKeys()) {
            boolean readable = object.field(key.field()).filter(f -> f.access() != FieldAccess.MASKED).isPresent();
            String typed = input.get(key.field());
            String wanted = readable && typed != null ? key.of(typed) : "";
            if (!wanted.isEmpty()) {
                matches.ids(actorId, object, t, t.keyColumn(key).eq(wanted))
                        .forEach(id -> found.add(new DuplicateCandidate(id, DuplicateCandidate.SAME_KEY, key.field())));
            }
        }
        return found;
    }
}
