package io.haina.crm.platform.security.auth;

import java.io.Serial;
import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;

/** Where a sign-in came from, kept in the login log. */
public record ClientInfo(String ip, String userAgent, String channel) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static ClientInfo web(HttpServletRequest request) {
        return of(request, "WEB");
    }

    public static ClientInfo api(HttpServletRequest request) {
        return of(request, "API");
    }

    private static ClientInfo of(HttpServletRequest request, String channel) {
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.length() > 500) {
            agent = agent.substring(0, 500);
        }
        return new ClientInfo(request.getRemoteAddr(), agent, channel);
    }
}
