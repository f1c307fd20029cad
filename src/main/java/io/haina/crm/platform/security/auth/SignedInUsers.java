package io.haina.crm.platform.security.auth;

import java.util.Locale;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.access.AccessService;
import io.haina.crm.platform.security.org.CachedAccounts;
import io.haina.crm.platform.security.org.UserAccount;
import io.haina.crm.platform.security.org.UserRepository;
import io.haina.crm.platform.security.setup.CompanyRepository;
import io.haina.crm.platform.web.LanguagePreference;
import io.haina.crm.platform.web.ShellContext;

/**
 * Resolves the signed-in user of a request, once per request, from the account as of the
 * request's access version. A user who has been disabled or has resigned since signing in is not
 * signed in any more.
 */
@Component
public class SignedInUsers implements CurrentUsers, ShellContext, LanguagePreference {

    private static final String CACHE = SignedInUsers.class.getName();

    private final UserRepository users;
    private final CachedAccounts accounts;
    private final AccessService access;
    private final CompanyRepository company;

    SignedInUsers(UserRepository users, CachedAccounts accounts, AccessService access, CompanyRepository company) {
        this.users = users;
        this.accounts = accounts;
        this.access = access;
        this.company = company;
    }

    /** Request attribute under which an authentication step leaves the account it read. */
    public static final String AUTHENTICATED_ACCOUNT = SignedInUsers.class.getName() + ".account";

    public Optional<SignedInUser> signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof HainaPrincipal principal)) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof SignedInUser cached
                && cached.user().id() == principal.userId()) {
            return Optional.of(cached);
        }
        // The bearer token check has just read the account in this request: no need to read it again.
        Optional<UserAccount> found = request != null
                && request.getAttribute(AUTHENTICATED_ACCOUNT, RequestAttributes.SCOPE_REQUEST) instanceof UserAccount read
                && read.id() == principal.userId() ? Optional.of(read) : accounts.find(principal.userId());
        Optional<SignedInUser> loaded = found.filter(UserAccount::active)
                .map(account -> new SignedInUser(toCurrentUser(account), access.profileOf(account.id())));
        if (request != null && loaded.isPresent()) {
            request.setAttribute(CACHE, loaded.get(), RequestAttributes.SCOPE_REQUEST);
        }
        return loaded;
    }

    @Override
    public Optional<CurrentUser> current() {
        return signedIn().map(SignedInUser::user);
    }

    @Override
    public Optional<SignedInUser> currentShellUser() {
        return signedIn();
    }

    @Override
    public Optional<String> companyName() {
        return company.name();
    }

    @Override
    public void rememberForCurrentUser(Locale locale) {
        current().ifPresent(user -> users.setLocale(user.id(), locale.toLanguageTag()));
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    static CurrentUser toCurrentUser(UserAccount account) {
        Locale locale = account.locale() == null ? null : Locale.forLanguageTag(account.locale());
        return new CurrentUser(account.id(), account.username(), account.displayName(), locale, account.zone());
    }
}
