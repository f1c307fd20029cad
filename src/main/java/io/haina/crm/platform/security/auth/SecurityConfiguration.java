package io.haina.crm.platform.security.auth;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import io.haina.crm.platform.security.org.CachedAccounts;
import io.haina.crm.platform.security.org.UserRepository;
import io.haina.crm.platform.security.setup.SetupGate;
import io.haina.crm.platform.security.setup.SetupState;
import io.haina.crm.platform.security.token.ApiTokenService;
import io.haina.crm.platform.security.token.BearerTokenAuthenticationProvider;
import io.haina.crm.platform.security.token.BearerTokenFilter;
import io.haina.crm.platform.web.ProblemResponses;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Two doors: the API ({@code /api/**}: bearer tokens, no session, no CSRF because no cookie
 * authenticates there, problem JSON), and the pages (form sign-in, remember-me, sessions in
 * PostgreSQL, CSRF on every form and htmx request, a strict Content-Security-Policy).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String REMEMBER_ME_COOKIE = "HAINA_REMEMBER";
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
            "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'");
    // The API description is public, as most CRMs publish theirs: it shows the shape of the API, never data.
    private static final List<String> PUBLIC_PAGES = List.of("/login", "/setup", "/language", "/error", "/favicon.ico",
            "/css/**", "/js/**", "/img/**", "/webjars/**", "/ical/**", "/actuator/health", "/actuator/health/**",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**");

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id for new hashes; the prefix in each stored hash lets stronger settings come later.
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    /**
     * Signs the in-memory remember-me authentication between the services that create it and the
     * provider that accepts it; the cookie itself is checked against {@code persistent_logins}.
     */
    record RememberMeKey(String value) {
        static RememberMeKey random() {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return new RememberMeKey(HexFormat.of().formatHex(key));
        }
    }

    /**
     * Spring Security observes nothing of its own: no observation around each of its ~15 filters,
     * nor around each authentication and authorization, on every request, for spans nobody
     * collects. Unlike switching its observations off by name (which still wraps every filter and
     * asks, per filter and request, whether the observation is wanted), this keeps the wrapping
     * out of the filter chain altogether (issue 3: the wrapping cost about 3% of a list page's
     * CPU). The request metrics of Spring MVC stay.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    RememberMeKey rememberMeKey() {
        return RememberMeKey.random();
    }

    @Bean
    AuthenticationManager authenticationManager(HainaUserDetailsService userDetails, PasswordEncoder encoder,
                                                LoginThrottle throttle, UserRepository users,
                                                ApplicationEventPublisher events, RememberMeKey rememberMeKey,
                                                PlatformTransactionManager transactionManager) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetails);
        passwords.setPasswordEncoder(encoder);
        // The account's status is told only to someone who knows its password; a wrong password
        // on a disabled account is a wrong password like any other, and counts towards the lock.
        passwords.setPreAuthenticationChecks(user -> { });
        passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("account not active");
            }
        });
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle, users, events,
                        new TransactionTemplate(transactionManager)),
                new RememberMeAuthenticationProvider(rememberMeKey.value()));
    }

    @Bean
    JdbcTokenRepositoryImpl rememberMeTokens(DataSource dataSource) {
        JdbcTokenRepositoryImpl tokens = new JdbcTokenRepositoryImpl();
        tokens.setDataSource(dataSource);
        return tokens;
    }

    @Bean
    PersistentTokenBasedRememberMeServices rememberMeServices(HainaUserDetailsService userDetails, JdbcTokenRepositoryImpl tokens,
                                                              RememberMeKey key,
                                                              @Value("${haina.security.remember-me-lifetime:P14D}") Duration lifetime,
                                                              @Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
        var services = new PersistentTokenBasedRememberMeServices(key.value(), userDetails, tokens);
        services.setCookieName(REMEMBER_ME_COOKIE);
        services.setParameter("remember-me");
        services.setTokenValiditySeconds((int) lifetime.toSeconds());
        services.setUseSecureCookie(secure);
        return services;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens, CachedAccounts accounts,
                                 ProblemResponses problems, SignedInUsers signedIn) throws Exception {
        var bearer = new BearerTokenFilter(new BearerTokenAuthenticationProvider(tokens, accounts), problems);
        return http
                .securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
                .addFilterAfter(new ActiveUserFilter(signedIn, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/login").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "api.error.unauthenticated");
                        })
                        .accessDeniedHandler((request, response, ex) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "error.forbidden")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                 PersistentTokenBasedRememberMeServices rememberMe, SetupState setupState,
                                 SignedInUsers signedIn, ProblemResponses problems) throws Exception {
        return http
                // Explicit, or Spring builds a plain provider around the UserDetailsService: no lockout, no login log.
                .authenticationManager(authenticationManager)
                .addFilterBefore(new SetupGate(setupState), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new ActiveUserFilter(signedIn, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PAGES.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .authenticationDetailsSource(ClientInfo::web)
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error") {
                            @Override
                            public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                                                AuthenticationException exception) throws IOException, ServletException {
                                // The sign-in page fills the username in again; only the password is to be retyped.
                                String typed = String.valueOf(request.getParameter("username"));
                                request.getSession().setAttribute(LoginController.LAST_USERNAME,
                                        typed.length() > ThrottledAuthenticationProvider.MAX_USERNAME_LENGTH ? "" : typed);
                                super.onAuthenticationFailure(request, response, exception);
                            }
                        })
                        .defaultSuccessUrl("/", false)
                        .permitAll())
                .rememberMe(remember -> remember.rememberMeServices(rememberMe))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies(REMEMBER_ME_COOKIE))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
