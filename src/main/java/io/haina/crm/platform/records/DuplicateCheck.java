package io.haina.crm.platform.records;

import java.util.List;
import java.util.Map;

import io.haina.crm.platform.metadata.ObjectDef;

/**
 * Finds records that may be the one a user is entering: a warning, never a refusal (hard
 * uniqueness is {@link io.haina.crm.platform.metadata.FieldDef#unique()}). Declare one as a bean;
 * {@link PossibleDuplicates} asks every check that applies and shows the reader only the
 * candidates they may see, however the check found them. The engine's own check matches the
 * object's {@link ObjectDef#duplicateFields() duplicate fields}; a module may add a stronger one
 * for its object (customers: company names without brackets, region or legal form).
 */
public interface DuplicateCheck {

    /** Whether this check looks at records of the object. */
    boolean appliesTo(ObjectDef object);

    /**
     * Candidates for the values being entered, most likely first.
     *
     * @param object the object as the actor sees it: hidden fields are not in it, masked ones are marked
     * @param input  the form's or API body's values by field name, as typed (only fields of {@code object})
     */
    List<DuplicateCandidate> candidates(long actorId, ObjectDef object, Map<String, String> input);
}
