package io.haina.crm.platform.web;

import java.util.Optional;

/** Supplies the signed-in user and the company of the current request; implemented by the security module. */
public interface ShellContext {

    Optional<? extends ShellUser> currentShellUser();

    /** The company name given at setup, shown beside the logo. */
    Optional<String> companyName();
}
