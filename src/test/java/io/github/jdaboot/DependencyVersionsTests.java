package io.github.jdaboot;

import java.util.Arrays;

import com.fasterxml.jackson.core.Version;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's BOM manages Jackson 2, which JDA uses; it must not pull it below what JDA
 * declares.
 */
class DependencyVersionsTests {

    /** What JDA 6.5.0's POM declares for jackson-core and jackson-databind. */
    private static final int[] JDA_JACKSON = { 2, 22, 0 };

    @Test
    void jackson2IsAtLeastWhatJdaDeclares() {
        assertAtLeastJdas(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
        assertAtLeastJdas(com.fasterxml.jackson.core.json.PackageVersion.VERSION);
    }

    private static void assertAtLeastJdas(Version version) {
        int[] actual = { version.getMajorVersion(), version.getMinorVersion(), version.getPatchLevel() };
        assertThat(Arrays.compare(actual, JDA_JACKSON)).as("%s is at least 2.22.0", version).isGreaterThanOrEqualTo(0);
    }

}
