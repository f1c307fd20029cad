package io.haina.crm.marketing.webform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The hosted form pages' own door, ahead of the pages' chain (order 2, which takes everything else;
 * the API's chain takes only {@code /api/**}): open to anyone, without a session, and embeddable.
 *
 * <p>No CSRF token: a page in another site's iframe gets no first-party cookie, so a session's
 * token cannot reach it reliably — and there is nothing of a signed-in user's to forge here, only a
 * lead to submit; the honeypot and the rate limit stand against abuse instead. The same strict
 * Content-Security-Policy as the application's pages, except {@code frame-ancestors}: any site may
 * frame the form (that is what the embed snippet is for), so no X-Frame-Options either.
 */
@Configuration(proxyBeanMethods = false)
class HostedFormSecurity {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
            "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
            "frame-ancestors *");

    @Bean
    @Order(0)
    SecurityFilterChain hostedFormChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/f/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> { })
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.disable())
                        // The hosting site learns nothing of the form's address beyond our origin.
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .build();
    }
}
