package io.haina.crm.platform.security;

import java.util.function.Supplier;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers a value for the rest of the current web request (a user's access profile, the org
 * chart), so that one request reads them once however many checks it makes. Outside a request
 * (jobs, tests calling services) nothing is remembered. A change made by the request itself is
 * seen from the next request on, as with any read made earlier in it.
 */
public final class RequestMemo {

    private static final String PREFIX = RequestMemo.class.getName() + ".";

    private RequestMemo() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> load) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return load.get();
        }
        Object cached = request.getAttribute(PREFIX + key, RequestAttributes.SCOPE_REQUEST);
        if (cached != null) {
            return (T) cached;
        }
        T value = load.get();
        request.setAttribute(PREFIX + key, value, RequestAttributes.SCOPE_REQUEST);
        return value;
    }

    public static void forget(String key) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(PREFIX + key, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
