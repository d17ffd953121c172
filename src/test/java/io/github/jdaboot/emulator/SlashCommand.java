package io.github.jdaboot.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A slash command a user runs, for {@link DiscordEmulator#slashCommand(SlashCommand)}:
 * {@code SlashCommand.of("tag", "add").in(channel).by(user).option("name", "faq")}.
 * Option values may be strings, numbers, booleans, {@link EmulatedUser},
 * {@link EmulatedRole}, {@link EmulatedChannel} or an
 * {@link EmulatedMessage.EmulatedAttachment}, or text as a user types it ({@code "6"},
 * {@code "@bob"}, {@code "#general"}, {@code "@&Moderators"}); their Discord types come
 * from the registered command, and input Discord would refuse throws
 * {@link InteractionRejectedException} before the bot hears of it.
 */
public final class SlashCommand {

    private final List<String> path;

    private final Map<String, Object> options = new LinkedHashMap<>();

    private @Nullable EmulatedChannel channel;

    private @Nullable EmulatedUser user;

    private SlashCommand(List<String> path) {
        this.path = path;
    }

    /** The command, optionally followed by a subcommand group and a subcommand. */
    public static SlashCommand of(String name, String... subcommands) {
        List<String> path = new ArrayList<>();
        path.add(name);
        path.addAll(List.of(subcommands));
        return new SlashCommand(List.copyOf(path));
    }

    public SlashCommand in(EmulatedChannel channel) {
        this.channel = channel;
        return this;
    }

    public SlashCommand by(EmulatedUser user) {
        this.user = user;
        return this;
    }

    /**
     * Gives an option a value; {@code null} leaves it out, as a user who skips an
     * optional option.
     */
    public SlashCommand option(String name, @Nullable Object value) {
        if (value == null) {
            this.options.remove(name);
        }
        else {
            this.options.put(name, value);
        }
        return this;
    }

    List<String> path() {
        return this.path;
    }

    Map<String, Object> options() {
        return this.options;
    }

    @Nullable EmulatedChannel channel() {
        return this.channel;
    }

    @Nullable EmulatedUser user() {
        return this.user;
    }

    @Override
    public String toString() {
        return "/" + String.join(" ", this.path) + " " + this.options;
    }

}
