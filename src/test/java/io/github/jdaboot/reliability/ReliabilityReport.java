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
 * Collects what the reliability tests measured and writes one table when the test run
 * ends: each fault injected, replies expected and received, duplicates, lost, recovery
 * time ({@code target/reliability/summary.md}); and the load figures
 * ({@code target/reliability/load.md}). The build prints both on the console after the
 * tests. Registered with the JUnit Platform as a {@link TestExecutionListener}.
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
    public void testPlanExecutionStarted(TestPlan testPlan) {
        // a run that measures nothing (a single test class, say) must not show the
        // figures of an earlier run
        for (String name : List.of("summary.md", "load.md")) {
            try {
                Files.deleteIfExists(Path.of("target", "reliability", name));
            }
            catch (IOException ex) {
                System.out.println("(could not delete an earlier " + name + ": " + ex + ")");
            }
        }
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
        if (!faults.isEmpty()) {
            faults.addFirst("Reliability summary (users' messages under injected faults)");
            faults.add("");
        }
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
