package io.github.jdaboot.interaction.handler;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.github.jdaboot.interaction.CommandSurface;
import io.github.jdaboot.interaction.invocation.PrefixInvocation;
import io.github.jdaboot.interaction.invocation.PrefixTokenizer;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;

/**
 * Maps the text of a message to a prefix command: {@code .idea games},
 * {@code .tag add faq ...}, or {@code @Bot idea}, using the commands of the
 * {@link CommandHandlerMapping}. A message that is not for the bot maps to nothing (the
 * bot's own, other bots' and webhooks' unless {@code discord.commands.allow-bots}, and
 * text without the prefix); one that is but runs nothing (an unknown command, a group
 * without its subcommand) maps to an answer, with a suggestion for a near miss.
 */
public class PrefixCommandMapping implements InteractionHandlerMapping, Ordered {

    /**
     * The two ways to mention the bot, made once per bot id rather than for every
     * message.
     */
    private record SelfMentions(long selfId, String plain, String nickname) {
    }

    private final CommandHandlerMapping commands;

    private final String prefix;

    private final boolean mentionPrefix;

    private final boolean allowBots;

    private volatile @Nullable SelfMentions selfMentions;

    private int order;

    /**
     * Prefix commands.
     * @param prefix what a command starts with: {@code .}
     * @param mentionPrefix whether a mention of the bot is a prefix too
     * @param allowBots whether other bots and webhooks may run commands
     */
    public PrefixCommandMapping(CommandHandlerMapping commands, String prefix, boolean mentionPrefix,
            boolean allowBots) {
        this.commands = commands;
        this.prefix = prefix;
        this.mentionPrefix = mentionPrefix;
        this.allowBots = allowBots;
    }

    /** Where the dispatcher asks this mapping among the others (lowest first). */
    public void setOrder(int order) {
        this.order = order;
    }

    @Override
    public int getOrder() {
        return this.order;
    }

    @Override
    public @Nullable HandlerMatch getHandler(GenericEvent event) {
        if (!(event instanceof MessageReceivedEvent message)) {
            return null;
        }
        long self = message.getJDA().getSelfUser().getIdLong();
        if (message.getAuthor().getIdLong() == self
                || ((message.getAuthor().isBot() || message.isWebhookMessage()) && !this.allowBots)) {
            return null;
        }
        return match(message, message.getMessage().getContentRaw(), self);
    }

    /**
     * What a message asks of the bot.
     * @param content the message's raw content
     * @param selfId the bot's user id, for mention prefixes
     * @return what to do, or null when the message is not for the bot
     */
    private @Nullable HandlerMatch match(MessageReceivedEvent event, String content, long selfId) {
        String text = null;
        boolean mentioned = false;
        if (this.mentionPrefix && content.startsWith("<@")) {
            SelfMentions self = selfMentions(selfId);
            for (String mention : List.of(self.plain(), self.nickname())) {
                if (content.startsWith(mention)) {
                    text = content.substring(mention.length()).strip();
                    mentioned = true;
                }
            }
        }
        String prefix = this.prefix;
        if (text == null && content.startsWith(prefix) && content.length() > prefix.length()
                && !Character.isWhitespace(content.charAt(prefix.length()))) {
            text = content.substring(prefix.length());
        }
        if (text == null) {
            return null;
        }
        List<PrefixTokenizer.Token> words = PrefixTokenizer.tokenize(text);
        if (words.isEmpty()) {
            return mentioned ? HandlerMatch.notFound("interaction.prefix.greeting", prefix) : null;
        }
        String name = words.getFirst().text().toLowerCase(Locale.ROOT);
        int next = 1;
        while (this.commands.isGroup(name)) {
            if (words.size() <= next) {
                return HandlerMatch.notFound("interaction.prefix.needs-subcommand", prefix, name,
                        subcommands(name, prefix));
            }
            String sub = name + " " + words.get(next).text().toLowerCase(Locale.ROOT);
            if (!this.commands.isGroup(sub) && this.commands.getCommand(sub).isEmpty()) {
                return HandlerMatch.notFound("interaction.prefix.needs-subcommand", prefix, name,
                        subcommands(name, prefix));
            }
            name = sub;
            next++;
        }
        int argumentsStart = (words.size() > next) ? words.get(next).start() : text.length();
        CommandDefinition command = this.commands.getCommand(name).orElse(null);
        if (command == null) {
            return unknown(name, prefix, mentioned);
        }
        if (!command.offers(CommandSurface.PREFIX)) {
            return HandlerMatch.notFound("interaction.prefix.slash-only", name);
        }
        HandlerMatch refused = CommandRestrictions.refusal(command.scope(), command.nsfw(),
                event.isFromGuild() ? InteractionContextType.GUILD : InteractionContextType.BOT_DM, event.getChannel(),
                true, prefix + name);
        if (refused != null) {
            return refused;
        }
        String arguments = text.substring(argumentsStart);
        CommandDefinition found = command;
        return HandlerMatch.found(found.handler(), (support) -> new PrefixInvocation(found.handler(), found.fullName(),
                found::usage, event, prefix, arguments, support));
    }

    private SelfMentions selfMentions(long selfId) {
        SelfMentions known = this.selfMentions;
        if (known == null || known.selfId() != selfId) {
            known = new SelfMentions(selfId, "<@" + selfId + ">", "<@!" + selfId + ">");
            this.selfMentions = known;
        }
        return known;
    }

    private @Nullable HandlerMatch unknown(String name, String prefix, boolean mentioned) {
        String suggestion = this.commands.getCommands()
            .stream()
            .filter((command) -> command.offers(CommandSurface.PREFIX))
            .map(CommandDefinition::topLevelName)
            .distinct()
            .filter((known) -> distance(known, name) <= 2)
            .findFirst()
            .orElse(null);
        if (suggestion != null) {
            return HandlerMatch.notFound("interaction.prefix.did-you-mean", prefix, name.replace("`", ""), suggestion);
        }
        // not mentioned: the message was probably not meant for this bot, so stay quiet
        return mentioned ? HandlerMatch.notFound("interaction.prefix.unknown", prefix) : null;
    }

    /** The prefix commands of a group, its nested groups' included, in name order. */
    private String subcommands(String group, String prefix) {
        return this.commands.getCommands()
            .stream()
            .filter((command) -> command.fullName().startsWith(group + " ") && command.offers(CommandSurface.PREFIX))
            .map(CommandDefinition::fullName)
            .sorted()
            .map((name) -> "`" + prefix + name + "`")
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
