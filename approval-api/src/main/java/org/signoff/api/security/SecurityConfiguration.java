package org.signoff.api.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import org.signoff.common.MessageMetaData;

/**
 * Every request is authenticated (an API key, or a bearer token when an identity provider is configured) but the
 * health check and what its sender signs ({@link EndpointRules#SIGNED_BY_SENDER}); every endpoint needs the
 * operation its {@link EndpointRules} rule names, and an endpoint without one is refused. A request that reaches no endpoint at all, once authenticated,
 * goes on to its 404 or 405.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling // AccessRefusals forgets old refusals hourly
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            ApiKeys keys,
            ProblemAnswers problems,
            FailedAttempts failedAttempts,
            BearerTokens bearerTokens,
            ObjectProvider<JwtDecoder> identityProvider,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping endpoints)
            throws Exception {
        AuthenticationFilter apiKeys = new AuthenticationFilter(keys::authenticate, keys::presented);
        apiKeys.setSuccessHandler((request, response, authentication) -> {});
        apiKeys.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));

        OncePerRequestFilter throttle = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                // what anyone may read (health, readiness, the contract) needs no credentials, so is never refused
                Optional<Duration> refused =
                        openToRead(request) ? Optional.empty() : failedAttempts.refusedFor(request);
                if (refused.isPresent()) {
                    problems.tooManyFailures(request, response, refused.get());
                } else {
                    chain.doFilter(request, response);
                }
            }
        };

        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(apiKeys, AnonymousAuthenticationFilter.class)
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> {
                    // an async dispatch finishes a response (a stream, an event source) already authorised
                    requests.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll();
                    requests.requestMatchers(HttpMethod.GET, EndpointRules.OPEN_TO_READ.toArray(String[]::new))
                            .permitAll();
                    requests.requestMatchers(EndpointRules.SIGNED_BY_SENDER.toArray(String[]::new))
                            .permitAll();
                    requests.requestMatchers("/actuator/**").hasAuthority("metrics:read");
                    EndpointRules.RULES.forEach(rule -> requests.requestMatchers(rule.method(), rule.pattern())
                            .hasAuthority(rule.operation().value()));
                    requests.anyRequest().access(unmappedOnly(endpoints));
                });
        if (identityProvider.getIfAvailable() != null) {
            DefaultBearerTokenResolver tokens = new DefaultBearerTokenResolver();
            BearerTokenResolver jwtsOnly = request -> {
                String token = tokens.resolve(request);
                return token == null || ApiKeys.isJwt(token) ? token : null; // an API key as bearer: ApiKeys'
            };
            http.oauth2ResourceServer(bearer -> bearer.bearerTokenResolver(jwtsOnly)
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(bearerTokens)));
        }
        return http.build();
    }

    /**
     * Events carry the client that sent the command behind them and the institution it was sent within, beside Axon's
     * own trace and correlation ids.
     */
    @Bean
    CorrelationDataProvider clientOfTheCommand() {
        return new SimpleCorrelationDataProvider(MessageMetaData.CLIENT, MessageMetaData.INSTITUTION);
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /** Authenticated, and reaching no endpoint (MVC answers 404 or 405): an endpoint without a rule is refused. */
    private static AuthorizationManager<RequestAuthorizationContext> unmappedOnly(
            RequestMappingHandlerMapping endpoints) {
        return (authentication, context) -> {
            boolean authenticated = authentication.get() != null
                    && authentication.get().isAuthenticated()
                    && authentication.get().getPrincipal() instanceof Caller;
            return new AuthorizationDecision(authenticated && !mapped(endpoints, context.getRequest()));
        };
    }

    private static boolean openToRead(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod())
                && EndpointRules.openToRead(request.getRequestURI()
                        .substring(request.getContextPath().length()));
    }

    private static boolean mapped(RequestMappingHandlerMapping endpoints, HttpServletRequest request) {
        try {
            if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
                ServletRequestPathUtils.parseAndCache(request);
            }
            return endpoints.getHandler(request) != null;
        } catch (Exception noneMatches) {
            return false;
        }
    }
}
