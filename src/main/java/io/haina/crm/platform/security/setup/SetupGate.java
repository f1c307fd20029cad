package io.haina.crm.platform.security.setup;

import java.io.IOException;
import java.util.List;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Before the first administrator exists every page leads to the setup page; afterwards the setup
 * page leads to sign-in. Static files, the health check and the language switch pass either way.
 */
public class SetupGate extends OncePerRequestFilter {

    public static final String SETUP_PATH = "/setup";
    private static final List<String> ALWAYS_OPEN = List.of("/css/", "/js/", "/img/", "/webjars/", "/actuator/health",
            "/language", "/error", "/favicon.ico");

    private final SetupState state;

    public SetupGate(SetupState state) {
        this.state = state;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ALWAYS_OPEN.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
            return;
        }
        boolean complete = state.isComplete();
        if (!complete && !path.equals(SETUP_PATH)) {
            response.sendRedirect(request.getContextPath() + SETUP_PATH);
            return;
        }
        if (complete && path.equals(SETUP_PATH)) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        chain.doFilter(request, response);
    }
}
