package io.haina.crm.platform.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Which language a request is answered in: the signed-in user's choice, else the language chosen
 * on this browser before signing in (a cookie), else the browser's Accept-Language, else Chinese.
 */
public class HainaLocaleResolver implements LocaleResolver {

    public static final String COOKIE = "HAINA_LANG";

    private final ShellContext users;

    public HainaLocaleResolver(ShellContext users) {
        this.users = users;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return users.currentShellUser().flatMap(ShellUser::locale)
                .or(() -> fromCookie(request))
                .or(() -> SupportedLanguages.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)))
                .orElse(SupportedLanguages.DEFAULT);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        ResponseCookie cookie = ResponseCookie.from(COOKIE, locale == null ? "" : locale.toLanguageTag())
                .path("/").httpOnly(true).sameSite("Lax").maxAge(locale == null ? Duration.ZERO : Duration.ofDays(365))
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    private static Optional<Locale> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).findFirst()
                .flatMap(c -> SupportedLanguages.match(c.getValue()));
    }
}
