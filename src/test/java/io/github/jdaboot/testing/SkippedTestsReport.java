package io.github.jdaboot.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Lists every test or class the run skipped, with the reason (for a
 * {@link RequiresPrograms} class, the package to install), in the file that the system
 * property {@value #FILE} names ({@code target/skipped/tests.md} by default; the build
 * gives surefire and failsafe one each, and their names in {@value #RUN}, and prints them
 * at its end), so that nobody takes a skip for a pass. No file when nothing was skipped.
 * Registered with the JUnit Platform as a {@link TestExecutionListener}.
 */
public class SkippedTestsReport implements TestExecutionListener {

    /** The system property naming the file. */
    static final String FILE = "test.skipped-report";

    /**
     * The system property naming the run in the file's first line (surefire, failsafe).
     */
    static final String RUN = "test.skipped-run";

    private final List<String> skipped = new CopyOnWriteArrayList<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.skipped.clear();
        // a run that skips nothing must not show an earlier run's skips
        try {
            Files.deleteIfExists(file());
        }
        catch (IOException ex) {
            System.out.println("(could not delete an earlier " + file() + ": " + ex + ")");
        }
    }

    @Override
    public void executionSkipped(TestIdentifier testIdentifier, String reason) {
        this.skipped.add("- " + name(testIdentifier) + ": " + reason);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (this.skipped.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("SKIPPED by " + System.getProperty(RUN, "this run") + ", not run (" + this.skipped.size() + "):");
        lines.addAll(this.skipped);
        Path file = file();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines);
        }
        catch (IOException ex) {
            System.out.println("(could not write " + file + ": " + ex + ")");
        }
    }

    private static Path file() {
        return Path.of(System.getProperty(FILE, "target/skipped/tests.md"));
    }

    /** The class (and method) skipped, by name: display names need not be unique. */
    private static String name(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        if (source instanceof ClassSource type) {
            return type.getJavaClass().getSimpleName();
        }
        if (source instanceof MethodSource method) {
            return method.getJavaClass().getSimpleName() + "." + method.getMethodName();
        }
        return test.getDisplayName();
    }

}
