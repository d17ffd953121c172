package io.github.jdaboot.interaction.invocation;

import io.github.jdaboot.interaction.dispatch.CommandExecutor;
import io.github.jdaboot.interaction.observation.InteractionMetrics;

/**
 * What every run needs from the framework: the executor (is the bot shutting down?), the
 * component callbacks (to give ids to components sent with callbacks) and the metrics
 * (acknowledgement times).
 *
 * @param executor runs the handlers
 * @param callbacks keeps components' callbacks
 * @param metrics records runs and acknowledgements
 */
public record InvocationSupport(CommandExecutor executor, ComponentCallbacks callbacks, InteractionMetrics metrics) {
}
