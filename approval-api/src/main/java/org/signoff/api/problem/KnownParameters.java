package org.signoff.api.problem;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A query parameter an endpoint does not take is a 400, not ignored: {@code ?stauts=READING} would otherwise list
 * every ticket as if no filter had been asked for.
 */
@Configuration(proxyBeanMethods = false)
class KnownParameters implements WebMvcConfigurer, HandlerInterceptor {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().startsWith("org.signoff")
                || !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RestController.class)) {
            return true; // the API's endpoints only: the pages' forms carry their CSRF token besides their fields
        }
        Set<String> taken = java.util.Arrays.stream(method.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestParam.class))
                .map(KnownParameters::name)
                .collect(Collectors.toSet());
        List<String> unknown = request.getParameterMap().keySet().stream()
                .filter(name -> !taken.contains(name))
                .sorted()
                .map(name -> name + ": not a parameter of this endpoint"
                        + (taken.isEmpty()
                                ? ""
                                : "; it takes " + taken.stream().sorted().toList()))
                .toList();
        if (!unknown.isEmpty()) {
            throw new UnknownParameters(unknown);
        }
        return true;
    }

    private static String name(MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        if (annotation != null && !annotation.name().isEmpty()) {
            return annotation.name();
        }
        parameter.initParameterNameDiscovery(NAMES);
        return parameter.getParameterName();
    }

    /** The parameters a request gave that its endpoint does not take. */
    static final class UnknownParameters extends RuntimeException {

        private final List<String> errors;

        UnknownParameters(List<String> errors) {
            super("The request has invalid fields: " + errors, null, false, false);
            this.errors = errors;
        }

        List<String> errors() {
            return errors;
        }
    }
}
