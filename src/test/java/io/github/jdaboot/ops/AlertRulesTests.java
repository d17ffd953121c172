package io.github.jdaboot.ops;

import io.github.jdaboot.ops.PrometheusTools.Result;
import io.github.jdaboot.testing.Program;
import io.github.jdaboot.testing.RequiresPrograms;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules in {@code deploy/prometheus}, checked by Prometheus' own
 * {@code promtool}: valid, and each alert firing, and not firing, as its unit tests
 * ({@code alerts-test.yml}) say.
 */
@DisplayName("The Prometheus alert rules in deploy/prometheus")
@RequiresPrograms(Program.PROMTOOL)
class AlertRulesTests {

    @Test
    @DisplayName("promtool check rules: valid rules, no duplicates")
    void valid() throws Exception {
        Result check = PrometheusTools.promtool("check", "rules", "deploy/prometheus/alerts.yml");
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    @DisplayName("promtool test rules: every alert fires on its synthetic series, with its annotations, and only then")
    void unitTests() throws Exception {
        Result test = PrometheusTools.promtool("test", "rules", "deploy/prometheus/alerts-test.yml");
        assertThat(test.exitCode()).as(test.output()).isZero();
    }

}
