package org.signoff.api.problem;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import org.signoff.api.ApprovalProperties;

/**
 * A request body over {@code approval.max-request-size} (64 KiB) is refused with 413 before it is parsed: at once
 * when its {@code Content-Length} says so, or as soon as a body of unknown length grows past it. The bytes read are
 * kept with the request ({@link #bodyOf}), for what must know the request exactly (idempotency keys).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {

    /** The endpoints that take files: a master list, an attendance list to import. */
    static final Set<String> IMPORTS = Set.of("/master-list/imports", "/attendance-imports");

    private final long requestLimit;
    private final long importLimit;

    RequestSizeLimit(ApprovalProperties properties) {
        this.requestLimit = properties.maxRequestSize().toBytes();
        this.importLimit = properties.maxImportSize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = IMPORTS.contains(request.getRequestURI()) ? importLimit : requestLimit;
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, limit);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    /** Written here, not by the MVC advice: a refused body never reaches Spring MVC. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit)
            throws IOException {
        Problems.write(request, response, tooLarge(limit));
    }

    static ProblemDetail tooLarge(long limit) {
        return Problems.problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "PAYLOAD_TOO_LARGE",
                "A request body may have at most " + limit + " bytes");
    }

    /** The body of a request as far as it was read (all of it, once the controller runs). */
    public static byte[] bodyOf(HttpServletRequest request) {
        for (jakarta.servlet.ServletRequest r = request; r != null; ) {
            if (r instanceof Limited limited) {
                return limited.read.toByteArray();
            }
            r = r instanceof HttpServletRequestWrapper wrapper ? wrapper.getRequest() : null;
        }
        return new byte[0];
    }

    /** Read past the limit while parsing a body of unknown length. */
    static final class BodyTooLarge extends IOException {

        private final long limit;

        BodyTooLarge(long limit) {
            super("The body is larger than " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private final java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream body = super.getInputStream();
                stream = new ServletInputStream() {
                    private long counted;

                    @Override
                    public int read() throws IOException {
                        int b = body.read();
                        if (b >= 0) {
                            count(1);
                            Limited.this.read.write(b);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = body.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                            Limited.this.read.write(buffer, offset, n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLarge {
                        counted += n;
                        if (counted > limit) {
                            throw new BodyTooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
