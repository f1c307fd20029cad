package io.haina.crm.platform.io;

import java.util.List;

import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.records.LookupTargets;
import io.haina.crm.platform.web.InvalidInputException;

/**
 * Reads a lookup column of an import as its importer would choose in the form: the target's id,
 * or its exact name (case aside) — an export writes names, so a file can go back in. Only records
 * the importer may see count, so a name that matches none or several is refused without telling
 * anything about records they cannot see.
 */
final class LookupCells {

    private final LookupTargets targets;
    private final long importerId;

    LookupCells(LookupTargets targets, long importerId) {
        this.targets = targets;
        this.importerId = importerId;
    }

    /** The id the cell names, as the engine reads a lookup; refused when no one record fits. */
    String id(FieldDef field, FieldType.Lookup lookup, String cell) {
        if (cell.matches("\\d{1,18}") && targets.reachable(importerId, lookup.targetObject(), Long.parseLong(cell))) {
            return cell;
        }
        List<Long> named = targets.named(importerId, lookup.targetObject(), cell, 2);
        if (named.size() == 1) {
            return String.valueOf(named.getFirst());
        }
        throw InvalidInputException.of(field.name(),
                named.isEmpty() ? "import.error.lookup-unknown" : "import.error.lookup-ambiguous", cell);
    }
}
