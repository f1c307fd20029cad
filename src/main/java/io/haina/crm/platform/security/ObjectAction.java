package io.haina.crm.platform.security;

import java.util.Locale;

/** What a role may do with a kind of record. */
public enum ObjectAction {
    VIEW, CREATE, EDIT, DELETE, IMPORT, EXPORT, TRANSFER, CLAIM, ASSIGN;

    /** The permission string the shell checks, e.g. {@code customer:view}. */
    public String on(String objectCode) {
        return objectCode + ":" + name().toLowerCase(Locale.ROOT);
    }

    public String labelKey() {
        return "action." + name().toLowerCase(Locale.ROOT);
    }
}
