package io.github.jdaboot.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Skips a {@link RequiresPrograms} class whose programs are not all on the {@code PATH},
 * or, with the environment variable {@value #REQUIRED_ENV}{@code =true} (which
 * {@code .ci/run} exports) or the system property {@value #REQUIRED}{@code =true}, fails
 * it: CI runs every real part, so a missing program there is an error, not a skip.
 */
class RequiredProgramsCondition implements ExecutionCondition {

    /** The switch that turns a skip into a failure (a system property). */
    static final String REQUIRED = "test.require-programs";

    /**
     * The same switch as an environment variable, so that CI runs the plain test command.
     */
    static final String REQUIRED_ENV = "TEST_REQUIRE_PROGRAMS";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<RequiresPrograms> requires = AnnotationSupport.findAnnotation(context.getElement(),
                RequiresPrograms.class);
        if (requires.isEmpty()) {
            return ConditionEvaluationResult.enabled("no programs required");
        }
        List<Program> missing = Arrays.stream(requires.get().value())
            .distinct()
            .filter((program) -> program.find().isEmpty())
            .toList();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("all on the PATH");
        }
        String reason = Program.missing(missing);
        if (Boolean.getBoolean(REQUIRED) || Boolean.parseBoolean(System.getenv(REQUIRED_ENV))) {
            throw new IllegalStateException(reason + " (" + REQUIRED_ENV + "=true: a missing program fails the build)");
        }
        return ConditionEvaluationResult.disabled(reason);
    }

}
