package io.github.jdaboot.interaction.invocation;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import io.github.jdaboot.discord.entitlement.ApplicationEntitlements;
import io.github.jdaboot.interaction.form.OfferedForms;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.observation.InteractionMetrics;

/**
 * What every run needs from the framework.
 *
 * @param callbacks keeps the callbacks of components sent with a reply, and gives them
 * their ids
 * @param forms remembers the forms opened, to check their submissions against
 * @param metrics records acknowledgements
 * @param messages the framework's texts, in the user's language
 * @param deadlines schedules deferrals and the deadline of suggestions
 * @param deferAfter how long an interaction may run before it is deferred
 * ({@code discord.commands.defer-after})
 * @param autocompleteTimeout how long suggestions may take
 * ({@code discord.commands.autocomplete-timeout})
 * @param shuttingDown whether the bot is shutting down (the executor takes no more runs)
 * @param entitlements the application's entitlements in memory, for prefix commands
 */
public record InvocationSupport(ComponentCallbacks callbacks, OfferedForms forms, InteractionMetrics metrics,
        InteractionMessages messages, DeadlineTimer deadlines, Duration deferAfter, Duration autocompleteTimeout,
        BooleanSupplier shuttingDown, ApplicationEntitlements entitlements) {
}
