package io.github.jdaboot.interaction;

import java.util.Locale;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.interactions.IntegrationOwners;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import org.jspecify.annotations.Nullable;

/**
 * One run of a handler: a command, a click on a component, a submitted modal. Declare a
 * parameter of this type (or of {@link CommandContext} or {@link ComponentContext}) to
 * reply from a {@code void} handler, or to send several messages.
 */
public interface InteractionContext {

    /**
     * The user who acted: who ran the command, clicked the button or submitted the form.
     */
    User user();

    /** That user as a member of the server, or null in a direct message. */
    @Nullable Member member();

    /** The server, or null in a direct message. */
    @Nullable Guild guild();

    /** Where it happened. */
    MessageChannel channel();

    JDA jda();

    /** The JDA event behind this run. */
    GenericEvent event();

    /**
     * Where it happened: in a server ({@code GUILD}), in the bot's DM ({@code BOT_DM}),
     * or in a DM between users or a group DM ({@code PRIVATE_CHANNEL}), where the bot is
     * not part of the conversation and can only answer the interaction. A prefix command
     * runs in a server or in the bot's DM.
     */
    default InteractionContextType contextType() {
        if (event() instanceof Interaction interaction) {
            return interaction.getContext();
        }
        return (guild() != null) ? InteractionContextType.GUILD : InteractionContextType.BOT_DM;
    }

    /**
     * Who installed the app so that this could run: the server it is installed to (the
     * server's id; {@code 0} in the bot's DM) and the user who installed it to their
     * account, as Discord's {@code authorizing_integration_owners} say. For a prefix
     * command, the server it runs in (or {@code 0} in the bot's DM): the bot receives
     * messages only where it is installed.
     */
    default IntegrationOwners integrationOwners() {
        if (event() instanceof Interaction interaction) {
            return interaction.getIntegrationOwners();
        }
        Guild guild = guild();
        return new ServerInstall((guild != null) ? guild.getIdLong() : 0);
    }

    /**
     * The language to answer in: the user's Discord language for an interaction, the
     * server's for a prefix command (English in a direct message).
     */
    Locale locale();

    /**
     * What the user (and the server) bought of the application's premium offers: an
     * interaction carries it; a prefix command looks it up from Discord the first time it
     * is asked for (so it may block).
     */
    Entitlements entitlements();

    /** Replies with text; the first reply answers, later ones follow up. */
    void reply(String content);

    /**
     * Replies; the first reply answers, later ones follow up.
     * {@link Reply#update(String)} edits the message of the clicked component instead.
     */
    void reply(Reply reply);

    /**
     * Acknowledges now rather than after {@code discord.commands.defer-after}: a slash
     * command shows "thinking…", a click is acknowledged without changing the message, a
     * prefix command shows typing.
     */
    void defer();

}
