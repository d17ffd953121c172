package io.github.jdaboot.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects what the reliability tests measured and prints one table when the test run ends: each fault
 * injected, replies expected and received, duplicates, lost, recovery time (also written to
 * {@code target/reliability/summary.md}); and the load figures ({@code target/reliability/load.md}).
 * Registered with the JUnit Platform as a {@link TestExecutionListener}.
 */
public class ReliabilityReport implements TestExecutionListener {

    /** One fault scenario's outcome as the users saw it. */
    record FaultRow(String fault, int expected, int received, int duplicates, int lost, String recovery) {
    }

    private static final List<FaultRow> FAULTS = new CopyOnWriteArrayList<>();

    private static final List<String> LOAD = new CopyOnWriteArrayList<>();

    static void fault(String fault, int expected, int received, int duplicates, int lost, Duration recovery) {
        fault(fault, expected, received, duplicates, lost, format(recovery));
    }

    static void fault(String fault, int expected, int received, int duplicates, int lost, String recovery) {
        FAULTS.add(new FaultRow(fault, expected, received, duplicates, lost, recovery));
    }

    static void load(String line) {
        LOAD.add(line);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (FAULTS.isEmpty() && LOAD.isEmpty()) {
            return;
        }
        List<String> faults = new ArrayList<>();
        if (!FAULTS.isEmpty()) {
            faults.add("| Fault injected | Replies expected | Received | Duplicates | Lost | Recovery |");
            faults.add("| --- | ---: | ---: | ---: | ---: | ---: |");
            for (FaultRow row : FAULTS) {
                faults.add(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s |", row.fault(), row.expected(),
                        row.received(), row.duplicates(), row.lost(), row.recovery()));
            }
        }
        System.out.println();
        System.out.println("Reliability summary");
        faults.forEach(System.out::println);
        if (!faults.isEmpty() && !LOAD.isEmpty()) {
            System.out.println();
        }
        LOAD.forEach(System.out::println);
        write("summary.md", faults);
        write("load.md", LOAD);
    }

    private static void write(String name, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Path file = Path.of("target", "reliability", name);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        }
        catch (IOException ex) {
            System.out.println("(could not write " + file + ": " + ex + ")");
        }
    }

    static String format(Duration duration) {
        if (duration.isNegative()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }
}
