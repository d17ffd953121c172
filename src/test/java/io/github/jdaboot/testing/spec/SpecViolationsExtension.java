package io.github.jdaboot.testing.spec;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test during which an emulator sent what Discord's OpenAPI spec does not
 * allow, naming the route or event, the status, the offending JSON pointer and the rule
 * in the spec. Registered for the whole suite (JUnit's extension auto-detection,
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}).
 * <p>
 * What was sent before a test (while its class or its application context started) is
 * that test's too: the test is where it shows. What was sent after a class's last test
 * (while it stopped) fails the class.
 */
public final class SpecViolationsExtension implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
        .create(SpecViolationsExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        SpecViolations.Taken before = SpecViolations.take();
        if (!before.isEmpty()) {
            context.getStore(NAMESPACE).put("before", before);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SpecViolations.Taken before = context.getStore(NAMESPACE).remove("before", SpecViolations.Taken.class);
        if (before != null) {
            throw new AssertionError(before.report("before " + context.getDisplayName() + " (while its class or "
                    + "its application context started, or after the test before it)"));
        }
        SpecViolations.Taken during = SpecViolations.take();
        if (!during.isEmpty()) {
            throw new AssertionError(during.report("during " + context.getDisplayName()));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SpecViolations.Taken after = SpecViolations.take();
        if (!after.isEmpty()) {
            throw new AssertionError(after.report("after the last test of " + context.getDisplayName()));
        }
    }

}
