package io.haina.crm.platform.security.auth;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.haina.crm.platform.web.ApiRequests;
import io.haina.crm.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Ends the session of a user who was disabled or resigned while signed in: the next request,
 * page or API, is treated as signed out.
 */
class ActiveUserFilter extends OncePerRequestFilter {

    private final SignedInUsers users;
    private final ProblemResponses problems;

    ActiveUserFilter(SignedInUsers users, ProblemResponses problems) {
        this.users = users;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof HainaPrincipal
                && users.signedIn().isEmpty()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (ApiRequests.isApi(request)) {
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "login.error.disabled");
            } else {
                response.sendRedirect(request.getContextPath() + "/login?disabled");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
