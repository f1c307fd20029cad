package io.haina.crm.platform.security.auth;

import java.util.Locale;
import java.util.Optional;

import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.access.AccessProfile;
import io.haina.crm.platform.web.ShellUser;

/** The user of one request with their access profile, loaded once per request. */
public record SignedInUser(CurrentUser user, AccessProfile access) implements ShellUser {

    /** Permission of the admin pages (audit logs), held by administrator roles only. */
    public static final String ADMIN = "admin";

    @Override
    public String username() {
        return user.username();
    }

    @Override
    public String displayName() {
        return user.displayName();
    }

    @Override
    public Optional<Locale> locale() {
        return user.locale();
    }

    @Override
    public java.time.ZoneId timeZone() {
        return user.timeZone();
    }

    /** {@code admin}, or {@code object:action} such as {@code user:view}. */
    @Override
    public boolean can(String permission) {
        if (ADMIN.equals(permission)) {
            return access.administrator();
        }
        int colon = permission.indexOf(':');
        if (colon < 0) {
            return false;
        }
        try {
            ObjectAction action = ObjectAction.valueOf(permission.substring(colon + 1).toUpperCase(Locale.ROOT));
            return access.can(permission.substring(0, colon), action);
        } catch (IllegalArgumentException unknownAction) {
            return false;
        }
    }

    public boolean can(String object, ObjectAction action) {
        return access.can(object, action);
    }
}
