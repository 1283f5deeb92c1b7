package org.signoff.api.input;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.web.ErrorResponseException;

import org.signoff.api.problem.Problems;

/**
 * A CSV file sent to an import, read as text: strict UTF-8, line by line, so that a bad byte or an overlong line is
 * reported with its line; a byte order mark (Excel writes one) is dropped. Its SHA-256 names the file in a report.
 */
public final class CsvFiles {

    private CsvFiles() {}

    /** A file an import refuses whole, at a line: not text it can read, or not the file it takes. */
    public static class RefusedFile extends RuntimeException {

        private final long line;

        public RefusedFile(long line, String reason) {
            super(reason);
            this.line = line;
        }

        /** The line of the file, the first being 1. */
        public long line() {
            return line;
        }

        /** What a problem or the command line says: {@code Line 3: not UTF-8 text}. */
        public String detail() {
            return "Line " + line + ": " + getMessage();
        }

        /** The 400 problem with the import's {@code code}, its {@code detail} and the {@code line}. */
        public ErrorResponseException problem(String code) {
            ErrorResponseException problem = Problems.badRequest(code, detail());
            problem.getBody().setProperty("line", line);
            return problem;
        }
    }

    /** The file as text, its lines separated by {@code \n} as in the file; refused at its first line not UTF-8. */
    public static String decode(byte[] file, int longestLine) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder text = new StringBuilder(file.length);
        int start = 0;
        long line = 1;
        for (int i = 0; i <= file.length; i++) {
            if (i == file.length || file[i] == '\n') {
                if (i - start > longestLine * 4L) {
                    throw new RefusedFile(line, "longer than " + longestLine + " characters");
                }
                try {
                    String decoded = decoder.decode(ByteBuffer.wrap(file, start, i - start))
                            .toString();
                    if (decoded.length() > longestLine) {
                        throw new RefusedFile(line, "longer than " + longestLine + " characters");
                    }
                    text.append(decoded);
                } catch (CharacterCodingException notUtf8) {
                    throw new RefusedFile(line, "not UTF-8 text");
                }
                if (i < file.length) {
                    text.append('\n');
                }
                start = i + 1;
                line++;
            }
        }
        String decoded = text.toString();
        return decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
    }

    public static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
