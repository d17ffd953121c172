package io.github.jdaboot.discord;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link DiscordStartupException} as one clear description and action instead
 * of a stack trace.
 */
class DiscordStartupFailureAnalyzer extends AbstractFailureAnalyzer<DiscordStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DiscordStartupException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
    }

}
