package org.signoff.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.signoff.ledger.VerifyCommand;

/** The offline verifier as an auditor runs it: a JVM of its own, given only the export file. */
final class OfflineVerifier {

    /** What it answered: its exit code and what it printed. */
    record Verified(int exit, String out) {}

    private OfflineVerifier() {}

    /** Writes {@code export} to a file in {@code folder} and verifies it, with the verifier's options. */
    static Verified verify(Path folder, String export, String... options) throws IOException, InterruptedException {
        Path file = Files.createTempFile(folder, "export", ".jsonl");
        Files.writeString(file, export);
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                VerifyCommand.class.getName(),
                file.toString()));
        command.addAll(List.of(options));
        Process verifier = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verifier.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Verified(verifier.exitValue(), out);
    }
}
