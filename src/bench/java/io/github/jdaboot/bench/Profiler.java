package io.github.jdaboot.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds async-profiler's native library for {@code -Dbench.profile}:
 * {@code -Dbench.profiler} names it (the {@code .so}, or the jar Maven Central has it
 * in), or the newest {@code tools.profiler:async-profiler} jar for this platform in the
 * local Maven repository ({@code ./mvnw dependency:get
 * -Dartifact=tools.profiler:async-profiler:4.2:jar:linux-x64} puts it there) is unpacked.
 */
final class Profiler {

    private Profiler() {
    }

    static Path library(Path out) throws IOException {
        String platform = "linux-" + (System.getProperty("os.arch").contains("aarch64") ? "arm64" : "x64");
        String given = System.getProperty("bench.profiler", "");
        Path source;
        if (!given.isEmpty()) {
            source = Path.of(given);
        }
        else {
            Path repository = Path.of(System.getProperty("user.home"), ".m2", "repository", "tools", "profiler",
                    "async-profiler");
            try (Stream<Path> jars = Files.exists(repository) ? Files.walk(repository) : Stream.empty()) {
                source = jars.filter((file) -> file.getFileName().toString().endsWith("-" + platform + ".jar"))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new IllegalStateException("No async-profiler for " + platform + " in "
                            + repository + ": ./mvnw dependency:get -Dartifact=tools.profiler:async-profiler:4.2:jar:"
                            + platform + ", or give -Dbench.profiler=<libasyncProfiler.so>"));
            }
        }
        if (!source.toString().toLowerCase(Locale.ROOT).endsWith(".jar")) {
            return source;
        }
        Path library = out.resolve("libasyncProfiler.so");
        try (JarFile jar = new JarFile(source.toFile());
                InputStream in = jar.getInputStream(jar.getEntry(platform + "/libasyncProfiler.so"))) {
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
        }
        return library;
    }

}
