package io.haina.crm.platform.security.role;

/** A role as listed: its grants are read separately. */
public record Role(long id, String code, String name, String description, boolean administrator, int version) {

    public static final String ADMINISTRATOR_CODE = "administrator";

    public boolean builtIn() {
        return code != null;
    }
}
