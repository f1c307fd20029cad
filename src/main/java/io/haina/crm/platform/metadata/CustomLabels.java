package io.haina.crm.platform.metadata;

/**
 * The message keys of what administrators add — custom fields and picklist options — whose
 * wording lives only in the label overrides, in both languages.
 */
public final class CustomLabels {

    private CustomLabels() {
    }

    public static String field(String objectCode, String fieldName) {
        return "custom." + objectCode + "." + fieldName;
    }

    public static String option(String objectCode, String fieldName, String code) {
        return "custom." + objectCode + "." + fieldName + ".option." + code;
    }
}
