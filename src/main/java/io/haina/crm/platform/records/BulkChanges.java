package io.haina.crm.platform.records;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;

/**
 * One change applied to many chosen records — a new owner, one field set to a value, the recycle
 * bin — record by record through {@link RecordService} (so each passes the same checks and leaves
 * the same history), all or nothing: if any record refuses, none is changed and the caller learns
 * which and why.
 */
@Service
@Transactional
public class BulkChanges {

    /** A list page's worth; larger changes are an import's job. */
    public static final int MAX_RECORDS = 200;

    private final RecordService records;

    BulkChanges(RecordService records) {
        this.records = records;
    }

    public int transfer(long actorId, String objectCode, List<Long> ids, long newOwnerId) {
        return each(ids, id -> records.transfer(actorId, objectCode, id, newOwnerId));
    }

    /** Sets one field on every record to the same input (read by the field's type). */
    public int set(long actorId, String objectCode, List<Long> ids, String field, String input) {
        return each(ids, id -> {
            RecordData current = records.read(actorId, objectCode, id);
            records.update(actorId, objectCode, id, current.version(), Map.of(field, input == null ? "" : input));
        });
    }

    public int delete(long actorId, String objectCode, List<Long> ids) {
        return each(ids, id -> records.delete(actorId, objectCode, id));
    }

    private static int each(List<Long> ids, LongConsumer change) {
        List<Long> chosen = new ArrayList<>(new LinkedHashSet<>(ids));
        if (chosen.isEmpty()) {
            throw InvalidInputException.of("ids", "bulk.error.none");
        }
        if (chosen.size() > MAX_RECORDS) {
            throw InvalidInputException.of("ids", "bulk.error.too-many", MAX_RECORDS);
        }
        for (long id : chosen) {
            try {
                change.accept(id);
            } catch (InvalidInputException e) {
                // The first refusal ends the whole change; the transaction rolls back what went before.
                List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
                problems.add(new InvalidInputException.FieldProblem(null, "bulk.error.record", id));
                problems.addAll(e.problems());
                throw new InvalidInputException(problems);
            } catch (NotFoundException | AccessDeniedException | ConflictException e) {
                throw InvalidInputException.of(null, "bulk.error.unreachable", id);
            }
        }
        return chosen.size();
    }
}
