package io.github.jdaboot.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.jdaboot.testing.Program;
import io.github.jdaboot.testing.Timeouts;

/**
 * Debian's {@code prometheus} package ({@code .ci/run} installs it): its {@code promtool}
 * run to the end. Nothing is downloaded: a test class that runs it says so with
 * {@code @RequiresPrograms(Program.PROMTOOL)}, and is skipped without it.
 */
final class PrometheusTools {

    private PrometheusTools() {
    }

    /** What a {@code promtool} run printed, and its exit code. */
    record Result(int exitCode, String output) {
    }

    /**
     * Runs {@code promtool} with these arguments in the project's directory and waits for
     * it to end.
     */
    static Result promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Program.PROMTOOL.path().toString()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("promtool", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
            if (!process.waitFor(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("promtool " + String.join(" ", arguments) + " did not end within "
                        + Timeouts.ANSWER + ":\n" + Files.readString(output));
            }
            return new Result(process.exitValue(), Files.readString(output));
        }
        finally {
            Files.deleteIfExists(output);
        }
    }

}
