package io.github.jdaboot.bench.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks ({@code ./mvnw -Pbench verify -Dbench.jmh}): with JMH's own
 * command line in {@code bench.jmh} (e.g. {@code -Dbench.jmh="slash -f 1"}), or, when it
 * is empty, every benchmark of this package with the GC profiler (allocation per
 * operation) and {@link CpuProfiler} (CPU time per operation). JMH prints as it goes; the
 * summary is also written to {@code target/bench/jmh.txt}.
 */
public final class JmhRunner {

    private JmhRunner() {
    }

    public static void main(String[] args) throws Exception {
        String given = System.getProperty("bench.jmh", "").strip();
        List<String> line = new ArrayList<>(
                (given.isEmpty() || given.equals("true")) ? List.of() : Arrays.asList(given.split("\\s+")));
        CommandLineOptions options = new CommandLineOptions(line.toArray(String[]::new));
        Path out = Path.of("target", "bench", "jmh.txt");
        Files.createDirectories(out.getParent());
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(options);
        if (options.getIncludes().isEmpty()) {
            builder.include(JmhRunner.class.getPackageName() + "\\.");
        }
        if (options.getProfilers().isEmpty()) {
            builder.addProfiler("gc");
            builder.addProfiler(CpuProfiler.class);
        }
        if (!options.getResult().hasValue()) {
            builder.result(out.toString()).resultFormat(ResultFormatType.TEXT);
        }
        new Runner(builder.build()).run();
    }

}
