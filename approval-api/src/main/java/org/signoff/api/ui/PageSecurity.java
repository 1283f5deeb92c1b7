package org.signoff.api.ui;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import org.signoff.api.security.ApiKeys;
import org.signoff.client.api.ClientId;
import org.signoff.client.api.Operation;

/**
 * The page's own chain, before the API's: a session made when a person signs in with their own API key (the session
 * keeps the client id, never the secret); every request reads that client anew, so a revoked key or a role taken
 * away counts at once. Forms carry a CSRF token. Unsigned, a page sends the browser to the sign-in form. A page that
 * fails once past the key check is answered here too ({@link PageErrors}).
 */
@Configuration(proxyBeanMethods = false)
class PageSecurity {

    static final String SIGNED_IN = PageSecurity.class.getName() + ".client";

    @Bean
    @Order(1)
    SecurityFilterChain page(HttpSecurity http, ApiKeys keys, PageErrors errors) throws Exception {
        OncePerRequestFilter sessions = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                Object client = session == null ? null : session.getAttribute(SIGNED_IN);
                if (client instanceof String clientId) {
                    keys.signedIn(ClientId.of(clientId))
                            .ifPresentOrElse(
                                    caller -> {
                                        SecurityContext context = SecurityContextHolder.createEmptyContext();
                                        context.setAuthentication(caller);
                                        SecurityContextHolder.setContext(context);
                                    },
                                    session::invalidate);
                }
                chain.doFilter(request, response);
            }
        };
        http.securityMatcher("/ui/**", "/ui", "/webjars/**")
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(sessions, AnonymousAuthenticationFilter.class)
                // first of all: a failure anywhere after it (the key's lookup, a template) answers a page
                .addFilterBefore(errors.filter(), DisableEncodeUrlFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/ui/sign-in"))
                        // answered here, not through the error page (whose dispatch the API's chain would refuse)
                        .accessDeniedHandler((request, response, denied) -> {
                            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                            response.setContentType("text/plain;charset=UTF-8");
                            response.getWriter()
                                    .write("Refused: this page is not open to you, or its form expired (reload it).");
                        }))
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC)
                        .permitAll() // the end of an event stream already authorised
                        .requestMatchers("/ui/sign-in", "/ui/page.css", "/ui/page.js", "/webjars/**")
                        .permitAll()
                        .anyRequest()
                        .hasAuthority(Operation.MASTER_LIST_READ.value()));
        return http.build();
    }
}
