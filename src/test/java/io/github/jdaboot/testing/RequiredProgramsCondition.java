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
 * or, with {@value #REQUIRED}{@code =true}, fails it: CI runs every real part, so a
 * missing program there is an error, not a skip.
 */
class RequiredProgramsCondition implements ExecutionCondition {

    /** The switch that turns a skip into a failure (a system property). */
    static final String REQUIRED = "test.require-programs";

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
        if (Boolean.getBoolean(REQUIRED)) {
            throw new IllegalStateException(reason + " (" + REQUIRED + "=true: a missing program fails the build)");
        }
        return ConditionEvaluationResult.disabled(reason);
    }

}
