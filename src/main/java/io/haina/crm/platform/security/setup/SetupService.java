package io.haina.crm.platform.security.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.security.AdminOperation;
import io.haina.crm.platform.security.StarterRole;
import io.haina.crm.platform.security.access.RoleGrants;
import io.haina.crm.platform.security.auth.PasswordPolicy;
import io.haina.crm.platform.security.org.DepartmentRepository;
import io.haina.crm.platform.security.org.NewUser;
import io.haina.crm.platform.security.org.UserRepository;
import io.haina.crm.platform.security.role.Role;
import io.haina.crm.platform.security.role.RoleRepository;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InputChecks;

/**
 * First run: creates the company, the top department named after it, the Administrator role, the
 * first administrator and the starter roles feature modules declare, in one transaction. Refused once done, so a second visitor of the setup
 * page cannot make themselves administrator.
 */
@Service
public class SetupService {

    public static final String USERNAME_PATTERN = "^[A-Za-z0-9._@-]{2,64}$";

    private final CompanyRepository company;
    private final DepartmentRepository departments;
    private final UserRepository users;
    private final RoleRepository roles;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder encoder;
    private final SetupState state;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final List<StarterRole> starterRoles;

    SetupService(CompanyRepository company, DepartmentRepository departments, UserRepository users, RoleRepository roles,
                 PasswordPolicy passwordPolicy, PasswordEncoder encoder, SetupState state, MessageSource messages,
                 ApplicationEventPublisher events, ObjectProvider<StarterRole> starterRoles) {
        this.company = company;
        this.departments = departments;
        this.users = users;
        this.roles = roles;
        this.passwordPolicy = passwordPolicy;
        this.encoder = encoder;
        this.state = state;
        this.messages = messages;
        this.events = events;
        this.starterRoles = starterRoles.orderedStream().toList();
    }

    /** Creates everything, or throws with the problems of the request and creates nothing. */
    @Transactional
    public long setUp(SetupRequest request, Locale locale) {
        InputChecks checks = new InputChecks();
        String companyName = checks.required("companyName", request.companyName(), 200);
        String username = checks.required("username", request.username(), 64);
        if (username != null && !username.matches(USERNAME_PATTERN)) {
            checks.add("username", "validation.username");
        }
        String displayName = checks.required("displayName", request.displayName(), 100);
        String email = checks.email("email", request.email(), true);
        passwordPolicy.problem(request.password(), username).ifPresent(key -> checks.add("password", key,
                PasswordPolicy.MIN_LENGTH));
        if (request.password() != null && !request.password().equals(request.passwordConfirmation())) {
            checks.add("passwordConfirmation", "password.mismatch");
        }
        checks.throwIfAny();

        if (state.isComplete() || !company.create(companyName)) {
            throw new ConflictException("setup.error.done");
        }
        long rootDepartment = departments.insert(null, companyName.length() > 100 ? companyName.substring(0, 100) : companyName);
        long adminRole = roles.findByCode(Role.ADMINISTRATOR_CODE).map(Role::id)
                .orElseGet(() -> roles.insert(Role.ADMINISTRATOR_CODE, administratorRoleName(locale),
                        administratorRoleDescription(locale), true));
        // No language is pinned on the account: the browser decides until the user picks one.
        long adminId = users.insert(new NewUser(username, displayName, email, null, null, rootDepartment, null, null),
                encoder.encode(request.password()));
        roles.replaceRolesOf(adminId, Set.of(adminRole));
        createStarterRoles(locale);
        events.publishEvent(new AdminOperation(adminId, "SETUP_COMPLETED", "user", adminId, displayName,
                Map.of("company", companyName, "username", username)));
        return adminId;
    }

    /**
     * The roles feature modules declare, merged by code, each with the grants all of them give it.
     * They are stored as ordinary roles (no code), named in the language of setup: the company's
     * own from then on, to rename, change or delete.
     */
    private void createStarterRoles(Locale locale) {
        Map<String, List<StarterRole>> byCode = new LinkedHashMap<>();
        starterRoles.forEach(role -> byCode.computeIfAbsent(role.code(), code -> new ArrayList<>()).add(role));
        byCode.values().forEach(declarations -> {
            StarterRole first = declarations.getFirst();
            String name = messages.getMessage(first.nameKey(), null, locale);
            if (roles.nameTaken(name, null)) {
                return;
            }
            long roleId = roles.insert(null, name, messages.getMessage(first.descriptionKey(), null, locale), false);
            Map<String, RoleGrants.Grant> grants = new LinkedHashMap<>();
            declarations.forEach(declared -> declared.grants().forEach((object, grant) ->
                    grants.put(object, new RoleGrants.Grant(grant.actions(), grant.scope()))));
            roles.replaceGrants(roleId, grants);
        });
    }

    private String administratorRoleName(Locale locale) {
        return messages.getMessage("role.administrator.name", null, locale);
    }

    private String administratorRoleDescription(Locale locale) {
        return messages.getMessage("role.administrator.description", null, locale);
    }
}
