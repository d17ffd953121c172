package io.github.jdaboot.command;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import org.jspecify.annotations.Nullable;

/**
 * One run of a command, slash or prefix alike. Declare a parameter of this type to reply from a
 * {@code void} handler, or to send several messages.
 */
public interface CommandContext {

    /** Whether the user ran {@code /name} or {@code .name}. */
    CommandSurface surface();

    /** The command as the user would type it, without prefix: {@code idea} or {@code tag add}. */
    String commandName();

    /** The user who ran the command. */
    User user();

    /** The user as a member of the server, or null in a direct message. */
    @Nullable Member member();

    /** The server, or null in a direct message. */
    @Nullable Guild guild();

    /** Where the command was run. */
    MessageChannel channel();

    JDA jda();

    /** The JDA event behind this run: a {@code SlashCommandInteractionEvent} or a {@code MessageReceivedEvent}. */
    GenericEvent event();

    /** Replies with text; the first reply answers the command, later ones follow up. */
    void reply(String content);

    /** Replies; the first reply answers the command, later ones follow up. */
    void reply(Reply reply);

    /** For slash commands: shows "thinking…" now rather than after two seconds; a no-op for prefix commands. */
    void defer();
}
