package io.github.jdaboot.interaction.handler;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import org.jspecify.annotations.Nullable;

/**
 * Where a command is installed and where it may run, as Discord keeps it per top-level
 * command: its integration types (installed to a server, to a user's account) and its
 * interaction contexts (in servers, in the bot's DM, in DMs between users and group DMs).
 *
 * @param integrationTypes where it can be installed
 * @param contexts where it may run
 */
public record CommandScope(Set<IntegrationType> integrationTypes, Set<InteractionContextType> contexts) {

    /**
     * The framework's default: installed to servers, run in servers and in the bot's DM.
     */
    public static final CommandScope DEFAULT = of(List.of(IntegrationType.GUILD_INSTALL),
            List.of(InteractionContextType.GUILD, InteractionContextType.BOT_DM));

    public CommandScope {
        integrationTypes = Collections.unmodifiableSet(
                integrationTypes.isEmpty() ? EnumSet.noneOf(IntegrationType.class) : EnumSet.copyOf(integrationTypes));
        contexts = Collections.unmodifiableSet(
                contexts.isEmpty() ? EnumSet.noneOf(InteractionContextType.class) : EnumSet.copyOf(contexts));
    }

    public static CommandScope of(Collection<IntegrationType> integrationTypes,
            Collection<InteractionContextType> contexts) {
        return new CommandScope(Set.copyOf(integrationTypes), Set.copyOf(contexts));
    }

    /**
     * Whether an interaction from this context may run the command. An interaction that
     * does not say where it comes from ({@code UNKNOWN}) is let through: Discord checked
     * it.
     */
    public boolean allows(InteractionContextType context) {
        return context == InteractionContextType.UNKNOWN || this.contexts.contains(context);
    }

    /**
     * Whether a prefix command may run in this context: the bot receives messages only in
     * servers it is installed to and in its own DM, never in DMs between users or group
     * DMs.
     */
    public boolean allowsMessagesIn(InteractionContextType context) {
        return switch (context) {
            case GUILD -> this.contexts.contains(InteractionContextType.GUILD)
                    && this.integrationTypes.contains(IntegrationType.GUILD_INSTALL);
            case BOT_DM -> this.contexts.contains(InteractionContextType.BOT_DM);
            default -> false;
        };
    }

    /** Whether a prefix command can run anywhere at all. */
    public boolean receivesMessages() {
        return allowsMessagesIn(InteractionContextType.GUILD) || allowsMessagesIn(InteractionContextType.BOT_DM);
    }

    /**
     * What Discord would refuse in this scope, or what makes no sense, said for a startup
     * failure; null when it is fine.
     * @param types how the failure names the integration types: "integrationTypes"
     * @param where how it names the contexts: "contexts"
     */
    public @Nullable String problem(String types, String where) {
        if (this.integrationTypes.isEmpty()) {
            return types + " is empty: install the command to servers (GUILD_INSTALL), users (USER_INSTALL) or both";
        }
        if (this.contexts.isEmpty()) {
            return where + " is empty: let the command run in servers (GUILD), the bot's DM (BOT_DM),"
                    + " DMs between users and group DMs (PRIVATE_CHANNEL)";
        }
        if (this.integrationTypes.contains(IntegrationType.UNKNOWN)) {
            return types + " contains UNKNOWN: use GUILD_INSTALL or USER_INSTALL";
        }
        if (this.contexts.contains(InteractionContextType.UNKNOWN)) {
            return where + " contains UNKNOWN: use GUILD, BOT_DM or PRIVATE_CHANNEL";
        }
        if (this.contexts.contains(InteractionContextType.PRIVATE_CHANNEL)
                && !this.integrationTypes.contains(IntegrationType.USER_INSTALL)) {
            return where + " contains PRIVATE_CHANNEL (DMs between users and group DMs), which Discord offers only"
                    + " to commands installed to users: add USER_INSTALL to " + types + ", or remove"
                    + " PRIVATE_CHANNEL";
        }
        return null;
    }

    @Override
    public String toString() {
        return "integration types " + this.integrationTypes + ", contexts " + this.contexts;
    }

}
