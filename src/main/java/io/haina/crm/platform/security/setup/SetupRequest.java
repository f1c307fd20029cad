package io.haina.crm.platform.security.setup;

/** The setup form: the company and its first administrator. */
public record SetupRequest(String companyName, String username, String displayName, String email, String password,
                           String passwordConfirmation) {

    public static SetupRequest empty() {
        return new SetupRequest("", "", "", "", "", "");
    }
}
