package io.github.jdaboot.bench.jmh;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation ({@code -prof io.github.jdaboot.bench.jmh.CpuProfiler}): the
 * benchmark process's CPU time over each iteration (every thread: the benchmark's, the
 * framework's virtual threads' carriers, JDA's, the garbage collector's), divided by the
 * operations, and the same without the JIT compiler's threads. Unlike the time per
 * operation it does not grow when other processes take the machine's cores, which on a
 * shared machine is what compares one build with another.
 */
public final class CpuProfiler implements InternalProfiler {

    private static final long CLOCK_TICK_NANOS = 10_000_000L;

    private long cpuBefore;

    private long compilerBefore;

    @Override
    public String getDescription() {
        return "CPU time per operation, with and without the JIT compiler's threads";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        this.compilerBefore = compilerNanos();
        this.cpuBefore = processNanos();
    }

    @Override
    public Collection<ScalarResult> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
            IterationResult result) {
        long cpu = processNanos() - this.cpuBefore;
        long compiler = compilerNanos() - this.compilerBefore;
        double ops = result.getMetadata().getAllOps();
        return List.of(new ScalarResult("cpu.norm", cpu / 1000.0 / ops, "us/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.nojit.norm", (cpu - compiler) / 1000.0 / ops, "us/op", AggregationPolicy.AVG));
    }

    private static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    /**
     * CPU time of the JIT compiler's threads, from {@code /proc/self/task/<tid>/stat}
     * (utime and stime in clock ticks).
     */
    private static long compilerNanos() {
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                }
                catch (IOException ex) {
                    continue; // ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.contains("CompilerThre")) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        }
        catch (IOException ex) {
            return 0;
        }
        return ticks * CLOCK_TICK_NANOS;
    }

}
