package org.signoff.api.problem;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A body must say what it is. Spring reads a {@code Content-Type} such as {@code application/*} with an assertion
 * that fails as an {@link IllegalArgumentException} (a 500); this refuses it first, as the 415 it is.
 */
@Configuration(proxyBeanMethods = false)
class ConcreteContentType implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        String header = request.getContentType();
        if (header == null) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(header);
            if (!type.isConcrete()) {
                throw new HttpMediaTypeNotSupportedException(
                        type,
                        List.of(MediaType.APPLICATION_JSON),
                        org.springframework.http.HttpMethod.valueOf(request.getMethod()));
            }
        } catch (InvalidMediaTypeException unreadable) {
            throw new HttpMediaTypeNotSupportedException(unreadable.getMessage());
        }
        return true;
    }
}
