package io.github.jdaboot.testing.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The spec violations the emulators of this test JVM found and no test has answered for
 * yet. {@link OpenApiTrafficCheck} adds them from the emulators' threads;
 * {@link SpecViolationsExtension} takes them after each test and fails it. One list for
 * the JVM, as the emulators a test starts are its own and the tests of a JVM run one at a
 * time. Bounded, so that a long run that nobody reads (a developer's run of the emulator)
 * holds at most {@link #LIMIT} of them.
 */
public final class SpecViolations {

    static final int LIMIT = 1000;

    private static final List<SpecViolation> found = new ArrayList<>();

    private static int dropped;

    private SpecViolations() {
    }

    static synchronized void add(SpecViolation violation) {
        if (found.size() < LIMIT) {
            found.add(violation);
        }
        else {
            dropped++;
        }
    }

    /**
     * Takes every violation found so far, leaving none.
     * @return the violations, and how many more there were beyond {@link #LIMIT}
     */
    public static synchronized Taken take() {
        Taken taken = new Taken(List.copyOf(found), dropped);
        found.clear();
        dropped = 0;
        return taken;
    }

    /**
     * Violations taken at once.
     *
     * @param violations the violations kept
     * @param dropped how many more there were
     */
    public record Taken(List<SpecViolation> violations, int dropped) {

        public boolean isEmpty() {
            return this.violations.isEmpty();
        }

        /** One line per violation, for a test's failure. */
        public String report(String when) {
            List<String> lines = new ArrayList<>();
            lines.add("The emulator sent what Discord's OpenAPI spec does not allow, " + when + ":");
            this.violations.forEach((violation) -> lines.add("  - " + violation));
            if (this.dropped > 0) {
                lines.add("  ... and " + this.dropped + " more");
            }
            return String.join("\n", lines);
        }

    }

}
