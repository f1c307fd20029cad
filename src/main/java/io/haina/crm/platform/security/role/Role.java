package io.haina.crm.platform.security.role;

/** A role as listed: its grants are read separately. */
public record Role(long id, String code, String name, String description, boolean administrator, int version) {

    public static final String ADMINISTRATOR_CODE = "administrator";

    public boolean builtIn() {
        return code != null;
    }

    /** The name to show: a role Haina ships is named in the reader's language, others as their creator named them. */
    public String label(io.haina.crm.platform.web.Messages msg) {
        return builtIn() ? msg.t("role." + code + ".name") : name;
    }
}
