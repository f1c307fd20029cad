package io.haina.crm.platform.security.auth;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.haina.crm.platform.security.token.ApiTokenService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.haina.crm.platform.security.token.BearerTokenAuthentication;
import io.haina.crm.platform.security.token.IssuedToken;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InputChecks;
import io.haina.crm.platform.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;

/**
 * API sign-in: username and password for a bearer token, with the same lockout and login log as
 * the web form. Sign-out revokes the token the request carries.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Sign-in")
class ApiAuthController {

    private final AuthenticationManager authentication;
    private final ApiTokenService tokens;
    private final ProblemResponses problems;
    private final Clock clock;

    ApiAuthController(AuthenticationManager authentication, ApiTokenService tokens, ProblemResponses problems, Clock clock) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.problems = problems;
        this.clock = clock;
    }

    record LoginRequest(String username, String password, String tokenName) {
    }

    record LoginResponse(String token, String tokenType, OffsetDateTime expiresAt) {
    }

    @PostMapping("/login")
    @SecurityRequirements // the one operation without a token: it hands them out
    @Operation(summary = "Exchange a username and password for an API token (hn_…)")
    ResponseEntity<?> login(@RequestBody LoginRequest body, HttpServletRequest request) {
        InputChecks checks = new InputChecks();
        checks.required("username", body.username(), 64);
        checks.required("password", body.password(), 1024);
        checks.throwIfAny();
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(body.username().strip(), body.password());
        attempt.setDetails(ClientInfo.api(request));
        Authentication result;
        try {
            result = authentication.authenticate(attempt);
        } catch (AccountLockedException locked) {
            long seconds = Math.max(1, java.time.Duration.between(OffsetDateTime.now(clock), locked.until()).toSeconds());
            HttpHeaders headers = new HttpHeaders();
            headers.add(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            return problems.entity(request, HttpStatus.TOO_MANY_REQUESTS, "login.error.locked", headers);
        } catch (AuthenticationException failed) {
            HttpHeaders headers = new HttpHeaders();
            headers.add(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return problems.entity(request, HttpStatus.UNAUTHORIZED, ThrottledAuthenticationProvider.messageKey(failed), headers);
        }
        HainaPrincipal principal = (HainaPrincipal) result.getPrincipal();
        String name = body.tokenName() == null || body.tokenName().isBlank() ? "API" : body.tokenName();
        IssuedToken issued = tokens.issue(principal.userId(), name.length() > 100 ? name.substring(0, 100) : name);
        return ResponseEntity.ok(new LoginResponse(issued.token(), "Bearer", issued.expiresAt()));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthentication bearer)) {
            throw new ConflictException("api.error.not-token");
        }
        tokens.revoke(bearer.token());
        return ResponseEntity.noContent().build();
    }
}
