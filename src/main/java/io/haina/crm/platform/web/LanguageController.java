package io.haina.crm.platform.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Switches the language: remembered on the user when signed in, else in a cookie and until the user signs in. */
@Controller
class LanguageController {

    static final String PATH = "/language";

    private final LocaleResolver localeResolver;
    private final LanguagePreference preference;
    private final ShellContext users;

    LanguageController(LocaleResolver localeResolver, LanguagePreference preference, ShellContext users) {
        this.localeResolver = localeResolver;
        this.preference = preference;
        this.users = users;
    }

    @PostMapping(PATH)
    String switchLanguage(@RequestParam("lang") String lang, @RequestParam(value = "back", required = false) String back,
                          HttpServletRequest request, HttpServletResponse response) {
        Locale locale = SupportedLanguages.match(lang).orElse(SupportedLanguages.DEFAULT);
        localeResolver.setLocale(request, response, locale);
        if (users.currentShellUser().isPresent()) {
            preference.rememberForCurrentUser(locale);
        } else {
            LanguageChosenBeforeSignIn.chosen(request, locale);
        }
        return "redirect:" + safeLocalPath(back);
    }

    /** Only a path on this site: never an open redirect to another host. */
    static String safeLocalPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
            return "/";
        }
        try {
            URI uri = URI.create(back.replace(" ", "%20"));
            return uri.getHost() == null ? back : "/";
        } catch (IllegalArgumentException malformed) {
            return "/";
        }
    }
}
