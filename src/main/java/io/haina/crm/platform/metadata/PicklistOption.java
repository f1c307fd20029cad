package io.haina.crm.platform.metadata;

/**
 * One choice of a picklist: a stable code stored in the record, a label key, a colour for badges,
 * and whether it can still be chosen (inactive options stay readable on old records).
 */
public record PicklistOption(String code, String labelKey, String color, boolean active) {

    public PicklistOption {
        if (!code.matches("[a-z0-9_]{1,40}")) {
            throw new IllegalArgumentException("option code must be lower_snake_case: " + code);
        }
    }

    public static PicklistOption of(String code, String labelKey) {
        return new PicklistOption(code, labelKey, null, true);
    }
}
