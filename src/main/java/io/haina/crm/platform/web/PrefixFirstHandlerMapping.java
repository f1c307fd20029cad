package io.haina.crm.platform.web;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Spring MVC's request mapping, with a cheap first question for each mapping. A path with a
 * variable ({@code /api/v1/objects/product}, {@code /o/customer/42}) has no direct lookup, so Spring
 * tries every one of Haina's several hundred mappings on it, each through its method, header and
 * pattern conditions: a tenth of a list request's CPU (issue 3 profile). Here a mapping whose
 * patterns' literal beginnings ({@code /api/v1/objects/} of {@code /api/v1/objects/{object}}) the
 * path does not start with is passed over at the cost of a {@code startsWith}; the others get
 * Spring's full match, whose result is unchanged. The request's method and parsed path, asked for
 * by every mapping tried, are read once instead of through the chain of request wrappers each time.
 *
 * <p>The shortcut stays off for a path with {@code %} or {@code ;}: Spring matches literal parts
 * against decoded segments without matrix parameters, which the raw path does not show.
 */
class PrefixFirstHandlerMapping extends RequestMappingHandlerMapping {

    private static final String[] ANY = new String[0];

    /** The literal beginnings of each mapping's patterns; a mapping registered later has none and is always tried. */
    private volatile Map<RequestMappingInfo, String[]> prefixes = Map.of();

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        Map<RequestMappingInfo, String[]> known = new IdentityHashMap<>();
        for (RequestMappingInfo mapping : handlerMethods.keySet()) {
            known.put(mapping, literalPrefixes(mapping));
        }
        prefixes = known;
    }

    /** The text each pattern must start with, or {@link #ANY} when one of them may match any path. */
    static String[] literalPrefixes(RequestMappingInfo mapping) {
        PathPatternsRequestCondition condition = mapping.getPathPatternsCondition();
        if (condition == null || condition.getPatterns().isEmpty()) {
            return ANY;
        }
        Set<PathPattern> patterns = condition.getPatterns();
        String[] literal = new String[patterns.size()];
        int i = 0;
        for (PathPattern pattern : patterns) {
            String text = pattern.getPatternString();
            int variable = indexOfAny(text, "{*?");
            String prefix = variable < 0 ? text : text.substring(0, variable);
            if (prefix.isEmpty() || prefix.equals("/")) {
                return ANY;
            }
            literal[i++] = prefix;
        }
        return literal;
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        boolean raw = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
        return super.lookupHandlerMethod(lookupPath, new Lookup(request, raw ? lookupPath : null));
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo mapping, HttpServletRequest request) {
        if (request instanceof Lookup lookup && lookup.path != null && !startsWithAny(lookup.path, prefixes.get(mapping))) {
            return null;
        }
        return super.getMatchingMapping(mapping, request);
    }

    private static boolean startsWithAny(String path, String[] literal) {
        if (literal == null || literal.length == 0) {
            return true;
        }
        for (String prefix : literal) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The request during the lookup: the path to compare prefixes with, and the method and parsed
     * path remembered. Everything else, attributes set on a match included, goes to the request.
     */
    private static final class Lookup extends HttpServletRequestWrapper {

        private final String path;
        private final String method;
        private final Object parsedPath;

        Lookup(HttpServletRequest request, String path) {
            super(request);
            this.path = path;
            this.method = request.getMethod();
            this.parsedPath = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        }

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public Object getAttribute(String name) {
            return parsedPath != null && ServletRequestPathUtils.PATH_ATTRIBUTE.equals(name) ? parsedPath : super.getAttribute(name);
        }
    }
}
