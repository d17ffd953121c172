package io.github.jdaboot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The time the machine's hypervisor gave its virtual CPUs to others ("steal" in
 * {@code /proc/stat}), as a share of all CPU time. On a shared virtual machine it comes
 * in waves: in one run of the project and its baseline it stayed under 2 % for minutes
 * and then took 15 to 36 % for half a minute, during which a paced phase's p99 tripled
 * and its CPU per command rose by half, whichever bot it was. A measured phase with more
 * of it says more about the host than about the bot, so the harness measures such a phase
 * again ({@code Benchmark}). Where {@code /proc/stat} cannot be read (not Linux), there
 * is no steal to see and every share is zero.
 */
final class MachineSteal {

    private static final Path STAT = Path.of("/proc/stat");

    /** {@code /proc/stat}'s "cpu" line: the index of steal among its times. */
    private static final int STEAL = 7;

    private final long steal;

    private final long total;

    private MachineSteal(long steal, long total) {
        this.steal = steal;
        this.total = total;
    }

    static MachineSteal now() {
        long[] times = times();
        return new MachineSteal(times[STEAL], Arrays.stream(times).sum());
    }

    /** The share of all CPU time since {@code before} that was stolen, 0 to 1. */
    double since(MachineSteal before) {
        long total = this.total - before.total;
        return (total <= 0) ? 0 : (double) (this.steal - before.steal) / total;
    }

    /**
     * The first eight times of the "cpu" line (user to steal; guest time is already in
     * user), or zeros.
     */
    private static long[] times() {
        try {
            String line = Files.readAllLines(STAT).getFirst();
            String[] fields = line.strip().split("\\s+");
            long[] times = new long[STEAL + 1];
            for (int i = 0; i <= STEAL && i + 1 < fields.length; i++) {
                times[i] = Long.parseLong(fields[i + 1]);
            }
            return times;
        }
        catch (IOException | RuntimeException ex) {
            return new long[STEAL + 1];
        }
    }

}
