package io.haina.crm.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** Tells API requests (answered with problem JSON) from page requests (answered with HTML). */
public final class ApiRequests {

    public static final String PREFIX = "/api/";

    private ApiRequests() {
    }

    public static boolean isApi(HttpServletRequest request) {
        return pathOf(request).startsWith(PREFIX);
    }

    private static String pathOf(HttpServletRequest request) {
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        String uri = original != null ? original.toString() : request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
