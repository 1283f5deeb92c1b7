package org.signoff.api.security;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import org.signoff.api.problem.Problems;
import org.signoff.common.InstitutionScope;

/**
 * A member institution's callers see only what is theirs: the endpoints of the engine as a whole and of the default
 * institution's Alma and wiki are not there for them ({@link EndpointRules#DEFAULT_INSTITUTION_ONLY}), and they read
 * its ids as they named them: the engine keys a member's ids by its code
 * ({@link InstitutionScope}), and this drops that prefix from every answer to the member's callers, body and
 * {@code Location} alike ({@link InstitutionScope#namesIn}), as the bytes stream out. The default institution's
 * answers pass untouched. After Spring Security's filters, which name the caller.
 */
@Component
@Order(0)
class MemberNames extends OncePerRequestFilter {

    /**
     * The ledger answers the store's record byte for byte, keys as stored (its seals are over those bytes): an
     * institution's auditor verifies it offline.
     */
    private static final java.util.regex.Pattern KEPT_AS_STORED = java.util.regex.Pattern.compile("^/ledger(/|$)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !(authentication.getPrincipal() instanceof Caller caller)
                || caller.scope().isDefault()) {
            chain.doFilter(request, response);
            return;
        }
        if (EndpointRules.defaultInstitutionOnly(
                request.getRequestURI().substring(request.getContextPath().length()))) {
            Problems.write(
                    request,
                    response,
                    Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such endpoint for this institution"));
            return;
        }
        if (KEPT_AS_STORED.matcher(request.getRequestURI()).find()) {
            chain.doFilter(request, response);
            return;
        }
        Named named = new Named(response, caller.scope());
        try {
            chain.doFilter(request, named);
        } finally {
            named.finish();
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    /** The response, its body's bytes passed through {@link Dropping}, its length left to chunking. */
    private static final class Named extends HttpServletResponseWrapper {

        private final InstitutionScope scope;
        private Dropping body;
        private PrintWriter writer;

        Named(HttpServletResponse response, InstitutionScope scope) {
            super(response);
            this.scope = scope;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                body = new Dropping(super.getOutputStream(), scope.prefix().getBytes(StandardCharsets.US_ASCII));
            }
            return body;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                Charset charset = getCharacterEncoding() == null
                        ? StandardCharsets.UTF_8
                        : Charset.forName(getCharacterEncoding());
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (body != null) {
                body.flush();
            }
            super.flushBuffer();
        }

        void finish() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (body != null) {
                body.finish();
            }
        }

        // the body shrinks by each prefix dropped: a length set before it is written would be wrong
        @Override
        public void setContentLength(int length) {}

        @Override
        public void setContentLengthLong(long length) {}

        @Override
        public void setHeader(String name, String value) {
            if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                super.setHeader(name, named(name, value));
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                super.addHeader(name, named(name, value));
            }
        }

        @Override
        public void setIntHeader(String name, int value) {
            if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                super.setIntHeader(name, value);
            }
        }

        private String named(String name, String value) {
            return value != null && HttpHeaders.LOCATION.equalsIgnoreCase(name) ? scope.namesIn(value) : value;
        }
    }

    /**
     * Writes the bytes it is given but the prefix where it begins a word; a possible prefix is held back until the
     * next bytes tell.
     */
    private static final class Dropping extends ServletOutputStream {

        private final ServletOutputStream out;
        private final byte[] prefix;
        private int matched;
        private int previous = -1;

        Dropping(ServletOutputStream out, byte[] prefix) {
            this.out = out;
            this.prefix = prefix;
        }

        @Override
        public void write(int b) throws IOException {
            b &= 0xFF;
            if (matched > 0) {
                if (b == prefix[matched]) {
                    matched++;
                    if (matched == prefix.length) {
                        matched = 0;
                        previous = InstitutionScope.SEPARATOR;
                    }
                    return;
                }
                release();
            }
            if (b == prefix[0] && (previous < 0 || !InstitutionScope.partOfAWord(previous))) {
                matched = 1;
                return;
            }
            out.write(b);
            previous = b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        /** The bytes held back were no prefix after all. */
        private void release() throws IOException {
            out.write(prefix, 0, matched);
            previous = prefix[matched - 1];
            matched = 0;
        }

        void finish() throws IOException {
            if (matched > 0) {
                release();
            }
            out.flush();
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            finish();
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
