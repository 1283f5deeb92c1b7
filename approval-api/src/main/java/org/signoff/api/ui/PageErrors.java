package org.signoff.api.ui;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.signoff.api.problem.Problems;
import org.signoff.api.problem.StoreUnavailable;

/**
 * A failure while a page is made answers a page to a browser (the status kept, a way back), and a problem
 * ({@code application/problem+json}, code {@code INTERNAL_ERROR} or {@code STORE_UNAVAILABLE}) to a client that asked
 * for JSON. Answered in the page's own request, after its key check, both when a page's handler fails and when its
 * template does: never through the servlet's error dispatch, which the API's chain refuses with a 401.
 */
@Component
class PageErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final ITemplateEngine templates;

    PageErrors(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** A page's handler failed: before the API's problem responses, which answer the API's own handlers. */
    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().equals(PageErrors.class.getPackageName())
                || !wantsPage(request)
                || failure instanceof AccessDeniedException
                || failure instanceof AuthenticationException) {
            return null;
        }
        HttpStatus status = status(failure);
        logged(request, status, failure);
        retryLater(response, status);
        return new ModelAndView("ui/error", Map.of("status", status.value(), "reason", reason(status)), status);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // after Spring Boot's own record of the error, before the rest
    }

    /**
     * Around the page's whole chain: a failure the handler's resolvers never see (a template that fails once the
     * handler has answered, the key's lookup), while nothing is sent yet.
     */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (ServletException | RuntimeException failure) {
                    if (response.isCommitted()) {
                        throw failure;
                    }
                    answer(request, response, failure);
                }
            }
        };
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Exception failure)
            throws IOException {
        Throwable cause =
                failure instanceof ServletException && failure.getCause() != null ? failure.getCause() : failure;
        HttpStatus status = status(cause);
        logged(request, status, cause);
        response.reset();
        response.setStatus(status.value());
        retryLater(response, status);
        if (wantsPage(request)) {
            response.setContentType("text/html;charset=UTF-8");
            Context context =
                    new Context(request.getLocale(), Map.of("status", status.value(), "reason", reason(status)));
            templates.process("ui/error", context, response.getWriter());
        } else {
            Problems.write(
                    request,
                    response,
                    status == HttpStatus.SERVICE_UNAVAILABLE
                            ? StoreUnavailable.problem()
                            : Problems.problem(status, "INTERNAL_ERROR", reason(status)));
        }
    }

    /** A page for a browser (HTML asked for, or anything: a page's address); a problem for a client asking JSON. */
    static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return true;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException unreadable) {
            return true;
        }
        boolean html =
                types.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
        boolean json = types.stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON)
                                && !type.isWildcardType()
                                && !type.isWildcardSubtype()
                        || type.equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON));
        return html || !json;
    }

    /** A store away is one line (every page meets it alike, as every request does); anything else its stack. */
    private static void logged(HttpServletRequest request, HttpStatus status, Throwable failure) {
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            log.warn(
                    "A page waits for the store: {}: {}", request.getRequestURI(), StoreUnavailable.rootCause(failure));
        } else {
            log.error("A page failed: {}", request.getRequestURI(), failure);
        }
    }

    /** The store out of reach is a 503 (try again later), as on the API; anything else a 500. */
    private static HttpStatus status(Throwable failure) {
        return StoreUnavailable.causedBy(failure) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static void retryLater(HttpServletResponse response, HttpStatus status) {
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(StoreUnavailable.RETRY_AFTER_SECONDS));
        }
    }

    private static String reason(HttpStatus status) {
        return status == HttpStatus.SERVICE_UNAVAILABLE
                ? "The store did not answer; try again in a moment"
                : "Something went wrong on our side; it is in the service's log";
    }
}
