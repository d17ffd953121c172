package io.github.jdaboot.interaction.handler;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.jdaboot.interaction.CommandSurface;
import io.github.jdaboot.interaction.autoconfigure.CommandProperties;
import io.github.jdaboot.interaction.invocation.PrefixTokenizer;
import org.jspecify.annotations.Nullable;

/**
 * Maps the text of a message to a prefix command: {@code .idea games},
 * {@code .tag add faq ...}, or {@code @Bot idea}. Text that is not for the bot maps to
 * nothing; a near miss maps to a suggestion.
 */
public class PrefixCommandMapping {

    /** What a message is, as far as commands go. */
    public sealed interface Match {

    }

    /** The command and the text of its arguments. */
    public record Found(CommandDefinition command, String arguments) implements Match {
    }

    /** Addressed to the bot but not runnable as it is: what to answer. */
    public record Answer(String text) implements Match {
    }

    /**
     * The two ways to mention the bot, made once per bot id rather than for every
     * message.
     */
    private record SelfMentions(long selfId, String plain, String nickname) {
    }

    private final CommandHandlerMapping commands;

    private final CommandProperties properties;

    private volatile @Nullable SelfMentions selfMentions;

    public PrefixCommandMapping(CommandHandlerMapping commands, CommandProperties properties) {
        this.commands = commands;
        this.properties = properties;
    }

    /**
     * What a message asks of the bot.
     * @param content the message's raw content
     * @param selfId the bot's user id, for mention prefixes
     * @return what to do, or empty when the message is not for the bot
     */
    public Optional<Match> match(String content, long selfId) {
        String text = null;
        boolean mentioned = false;
        if (this.properties.isMentionPrefix() && content.startsWith("<@")) {
            SelfMentions self = selfMentions(selfId);
            for (String mention : List.of(self.plain(), self.nickname())) {
                if (content.startsWith(mention)) {
                    text = content.substring(mention.length()).strip();
                    mentioned = true;
                }
            }
        }
        String prefix = this.properties.getPrefix();
        if (text == null && content.startsWith(prefix) && content.length() > prefix.length()
                && !Character.isWhitespace(content.charAt(prefix.length()))) {
            text = content.substring(prefix.length());
        }
        if (text == null) {
            return Optional.empty();
        }
        List<PrefixTokenizer.Token> words = PrefixTokenizer.tokenize(text);
        if (words.isEmpty()) {
            return mentioned ? Optional.of(new Answer("Hi! Type `" + prefix + "help` to see what I can do."))
                    : Optional.empty();
        }
        String name = words.getFirst().text().toLowerCase(Locale.ROOT);
        int argumentsStart = (words.size() > 1) ? words.get(1).start() : text.length();
        if (this.commands.isGroup(name)) {
            String sub = (words.size() > 1) ? name + " " + words.get(1).text().toLowerCase(Locale.ROOT) : null;
            if (sub == null || this.commands.find(sub).isEmpty()) {
                return Optional
                    .of(new Answer("`" + prefix + name + "` needs a subcommand: " + subcommands(name, prefix) + "."));
            }
            name = sub;
            argumentsStart = (words.size() > 2) ? words.get(2).start() : text.length();
        }
        Optional<CommandDefinition> command = this.commands.find(name);
        if (command.isEmpty()) {
            return Optional.ofNullable(unknown(name, prefix, mentioned)).map(Answer::new);
        }
        if (!command.get().offers(CommandSurface.PREFIX)) {
            return Optional.of(new Answer("That one is a slash command: type `/" + name + "`."));
        }
        return Optional.of(new Found(command.get(), text.substring(argumentsStart)));
    }

    private SelfMentions selfMentions(long selfId) {
        SelfMentions known = this.selfMentions;
        if (known == null || known.selfId() != selfId) {
            known = new SelfMentions(selfId, "<@" + selfId + ">", "<@!" + selfId + ">");
            this.selfMentions = known;
        }
        return known;
    }

    private @Nullable String unknown(String name, String prefix, boolean mentioned) {
        String suggestion = this.commands.all()
            .stream()
            .filter((command) -> command.offers(CommandSurface.PREFIX))
            .map(CommandDefinition::topLevelName)
            .distinct()
            .filter((known) -> distance(known, name) <= 2)
            .findFirst()
            .orElse(null);
        if (suggestion != null) {
            return "I don't know `" + prefix + name.replace("`", "") + "`. Did you mean `" + prefix + suggestion
                    + "`? Type `" + prefix + "help` for the list.";
        }
        // not mentioned: the message was probably not meant for this bot, so stay quiet
        return mentioned ? "I don't know that command. Type `" + prefix + "help` to see what I can do." : null;
    }

    private String subcommands(String group, String prefix) {
        return this.commands.all()
            .stream()
            .filter((command) -> group.equals(command.group()) && command.offers(CommandSurface.PREFIX))
            .map((command) -> "`" + prefix + command.fullName() + "`")
            .collect(Collectors.joining(", "));
    }

    /** Edit distance, for "did you mean" suggestions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

}
