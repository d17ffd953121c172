package io.github.jdaboot.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class runs these programs as real parts. When one is not on the {@code PATH}
 * the class is skipped, before anything starts, with a one-line reason naming the Debian
 * package to install, and the build's closing summary lists it
 * ({@link SkippedTestsReport}). With {@code TEST_REQUIRE_PROGRAMS=true} in the
 * environment, as {@code .ci/run} sets, the class fails instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RequiredProgramsCondition.class)
public @interface RequiresPrograms {

    /** The programs the tests run. */
    Program[] value();

}
