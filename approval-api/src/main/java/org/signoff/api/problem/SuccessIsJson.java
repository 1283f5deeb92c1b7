package org.signoff.api.problem;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Only a problem is labelled {@code application/problem+json}. A client that accepts just that type (to read its
 * refusals) would otherwise get its successes labelled as problems too: Jackson writes any {@code application/*+json}
 * asked for. A success is {@code application/json} whatever the {@code Accept}.
 */
@ControllerAdvice
class SuccessIsJson implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (!(body instanceof ProblemDetail) && MediaType.APPLICATION_PROBLEM_JSON.includes(selectedContentType)) {
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        }
        return body;
    }
}
