package io.github.jdaboot.interaction.handler;

import java.util.EnumSet;
import java.util.Locale;

import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.attribute.IAgeRestrictedChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import org.jspecify.annotations.Nullable;

/**
 * Where a command may run, checked for each run on JDA's event thread (cheaply, from what
 * the event carries): its contexts, and for an age-restricted command the channel.
 * Discord checks slash and context commands itself; the check refuses the interactions it
 * did not make (forged ones, or ones from before the commands changed) and the prefix
 * commands, which Discord knows nothing of.
 */
final class CommandRestrictions {

    private CommandRestrictions() {
    }

    /**
     * Why the command may not run here, as an answer; null when it may.
     * @param prefix whether it is a prefix command (which runs only where the bot
     * receives messages, and when age-restricted only in a channel known to be)
     * @param name how the answer names the command: {@code /idea}, {@code .idea}
     */
    static @Nullable HandlerMatch refusal(CommandScope scope, boolean nsfw, InteractionContextType context,
            @Nullable Channel channel, boolean prefix, String name) {
        boolean allowed = prefix ? scope.allowsMessagesIn(context) : scope.allows(context);
        if (!allowed) {
            if (context != InteractionContextType.GUILD
                    && scope.contexts().equals(EnumSet.of(InteractionContextType.GUILD))) {
                // said as @GuildOnly says it
                return HandlerMatch.notFound("interaction.guard.guild-only", name);
            }
            return HandlerMatch
                .notFound("interaction.context." + context.name().toLowerCase(Locale.ROOT).replace('_', '-'), name);
        }
        if (nsfw) {
            Boolean restricted = ageRestricted(channel);
            // an interaction outside servers was let through by Discord after the user's
            // age setting; a prefix command has no such check
            boolean refused = (restricted != null) ? !restricted : prefix || context == InteractionContextType.GUILD;
            if (refused) {
                return HandlerMatch.notFound("interaction.nsfw", name);
            }
        }
        return null;
    }

    /** Whether the channel is age-restricted; null when it cannot have the setting. */
    private static @Nullable Boolean ageRestricted(@Nullable Channel channel) {
        if (channel instanceof IAgeRestrictedChannel restricted) {
            return restricted.isNSFW();
        }
        if (channel instanceof ThreadChannel thread) {
            try {
                return thread.getParentChannel() instanceof IAgeRestrictedChannel parent && parent.isNSFW();
            }
            catch (RuntimeException ex) {
                // a thread of a server the bot is not in: its parent is unknown
                return false;
            }
        }
        return null;
    }

}
