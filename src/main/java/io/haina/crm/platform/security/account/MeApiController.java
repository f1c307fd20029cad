package io.haina.crm.platform.security.account;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.haina.crm.platform.security.CurrentUser;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.security.org.DepartmentRepository;
import io.haina.crm.platform.security.org.UserAccount;
import io.haina.crm.platform.security.org.UserRepository;
import io.haina.crm.platform.security.role.Role;
import io.haina.crm.platform.security.role.RoleRepository;
import io.haina.crm.platform.security.token.ApiToken;
import io.haina.crm.platform.security.token.ApiTokenService;
import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.NotFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/me}: who the token belongs to, their roles and language; their tokens. */
@RestController
@Tag(name = "Account")
@RequestMapping("/api/v1/me")
class MeApiController {

    private final CurrentUsers current;
    private final UserRepository users;
    private final DepartmentRepository departments;
    private final RoleRepository roles;
    private final ApiTokenService tokens;

    MeApiController(CurrentUsers current, UserRepository users, DepartmentRepository departments, RoleRepository roles,
                    ApiTokenService tokens) {
        this.current = current;
        this.users = users;
        this.departments = departments;
        this.roles = roles;
        this.tokens = tokens;
    }

    record RoleView(long id, String name, boolean administrator) {
    }

    record DepartmentView(long id, String name) {
    }

    record MeView(long id, String username, String displayName, String email, String phone, String position,
                  DepartmentView department, Long managerId, String status, String locale, String timeZone,
                  List<RoleView> roles) {
    }

    record TokenView(long id, String name, String hint, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                     OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.name(), t.hint(), t.createdAt(), t.expiresAt(), t.lastUsedAt(), t.revokedAt());
        }
    }

    @GetMapping
    MeView me(HttpServletRequest request, Messages msg) {
        CurrentUser me = current.require();
        UserAccount account = users.findById(me.id()).orElseThrow(() -> new NotFoundException("user " + me.id()));
        List<Long> roleIds = roles.roleIdsOf(me.id());
        List<RoleView> roleViews = roleIds.stream().map(roles::find).flatMap(java.util.Optional::stream)
                .map((Role r) -> new RoleView(r.id(), r.label(msg), r.administrator())).toList();
        DepartmentView department = account.departmentId() == null ? null
                : departments.find(account.departmentId()).map(d -> new DepartmentView(d.id(), d.name())).orElse(null);
        return new MeView(account.id(), account.username(), account.displayName(), account.email(), account.phone(),
                account.position(), department, account.managerId(), account.status().name(),
                RequestContextUtils.getLocale(request).toLanguageTag(), me.timeZone().getId(), roleViews);
    }

    @GetMapping("/tokens")
    List<TokenView> tokens() {
        return tokens.listOf(current.require().id()).stream().map(TokenView::of).toList();
    }

    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(current.require().id(), id);
        return ResponseEntity.noContent().build();
    }
}
