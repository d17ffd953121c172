package io.github.jdaboot.discord.emoji;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.emoji.ApplicationEmoji;
import org.jspecify.annotations.Nullable;

/**
 * The application's emojis, by name: {@code get("idea")} is the emoji uploaded from
 * {@code discord/emojis/idea.png}; an emoji uploaded by other means (the Developer
 * Portal) is found by its name on Discord. Each is JDA's {@link ApplicationEmoji}, so it
 * goes wherever JDA takes an emoji: {@code getFormatted()} in a reply's text
 * ({@code <:idea_3f2a1b:123>}), {@link Button#withEmoji}, a select option's emoji, a poll
 * answer's. Known once they are synchronized with Discord at startup.
 */
public class ApplicationEmojis {

    private volatile @Nullable Map<String, ApplicationEmoji> emojis;

    private volatile String unavailable = "they are synchronized with Discord once a shard is ready";

    /**
     * The emoji with this name.
     * @throws IllegalArgumentException when there is none, naming the ones there are
     * @throws IllegalStateException when the emojis are not known yet (before the first
     * shard is ready, or when Discord could not be asked)
     */
    public ApplicationEmoji get(String name) {
        ApplicationEmoji emoji = known().get(name);
        if (emoji == null) {
            throw new IllegalArgumentException(
                    "No application emoji '" + name + "'; there are " + names() + " (discord/emojis/<name>.png)");
        }
        return emoji;
    }

    /**
     * The emoji with this name; empty when there is none, or when the emojis are not
     * known: for what can go without it ({@code find("idea").map(button::withEmoji)}).
     */
    public Optional<ApplicationEmoji> find(String name) {
        Map<String, ApplicationEmoji> known = this.emojis;
        return Optional.ofNullable((known != null) ? known.get(name) : null);
    }

    /**
     * The names of the emojis.
     * @throws IllegalStateException when the emojis are not known yet
     */
    public Set<String> names() {
        return new TreeSet<>(known().keySet());
    }

    /** Whether the emojis are known (synchronized with Discord). */
    public boolean isAvailable() {
        return this.emojis != null;
    }

    private Map<String, ApplicationEmoji> known() {
        Map<String, ApplicationEmoji> known = this.emojis;
        if (known == null) {
            throw new IllegalStateException("The application emojis are not known yet: " + this.unavailable);
        }
        return known;
    }

    /** The emojis, as synchronized with Discord. */
    void update(Map<String, ApplicationEmoji> emojis) {
        this.emojis = Map.copyOf(emojis);
    }

    /** Why the emojis are not known (synchronizing them failed). */
    void unavailable(String reason) {
        this.unavailable = reason;
    }

}
