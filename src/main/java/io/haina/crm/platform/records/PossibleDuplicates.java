package io.haina.crm.platform.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.metadata.FieldAccess;
import io.haina.crm.platform.metadata.ObjectDef;

/**
 * "Possible duplicates" while a record is entered (A8): asks every {@link DuplicateCheck} that
 * applies, merges their candidates, and reads them back through {@link RecordFinder} as the
 * actor: a record they may not see is left out entirely, not even counted, so the warning never
 * tells anyone what exists outside their scope.
 */
@Service
@Transactional(readOnly = true)
public class PossibleDuplicates {

    /** A warning lists a few; more would not be read anyway. */
    public static final int MAX = 10;

    private final RecordFinder finder;
    private final List<DuplicateCheck> checks;

    PossibleDuplicates(RecordFinder finder, ObjectProvider<DuplicateCheck> checks) {
        this.finder = finder;
        this.checks = checks.orderedStream().toList();
    }

    /**
     * Records the actor may see that may repeat the input, at most {@link #MAX}.
     *
     * @param exceptId the record being edited (it does not repeat itself), or null for a new one
     */
    public List<PossibleDuplicate> find(long actorId, String objectCode, Map<String, String> input, Long exceptId) {
        ObjectDef object = finder.describe(actorId, objectCode);
        Map<String, String> seen = visibleInput(object, input);
        Map<Long, List<DuplicateCandidate>> reasons = new LinkedHashMap<>();
        for (DuplicateCheck check : checks) {
            if (check.appliesTo(object)) {
                for (DuplicateCandidate candidate : check.candidates(actorId, object, seen)) {
                    if (exceptId == null || candidate.id() != exceptId) {
                        reasons.computeIfAbsent(candidate.id(), id -> new ArrayList<>()).add(candidate);
                    }
                }
            }
        }
        if (reasons.isEmpty()) {
            return List.of();
        }
        List<Long> ids = reasons.keySet().stream().limit(MAX * 3L).toList();
        return finder.visibleByIds(actorId, objectCode, ids).stream().limit(MAX)
                .map(record -> new PossibleDuplicate(record, reasons.get(record.id()))).toList();
    }

    /** Only fields the actor sees and may know the value of: a check must not let them probe hidden or masked ones. */
    private static Map<String, String> visibleInput(ObjectDef object, Map<String, String> input) {
        Map<String, String> seen = new LinkedHashMap<>();
        input.forEach((name, value) -> object.field(name).filter(f -> f.access() != FieldAccess.MASKED)
                .ifPresent(f -> seen.put(name, value)));
        return seen;
    }
}
