package io.haina.crm.marketing;

import java.util.Map;

/**
 * The web forms by id and name, for other modules that let an administrator pick forms (an
 * assignment rule for the leads of some forms only).
 */
public interface WebFormNames {

    /** Every form, active or not, by name. */
    Map<Long, String> all();
}
