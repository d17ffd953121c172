package io.github.jdaboot.command;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns slash-command interactions and prefix-command messages into command runs. On JDA's event
 * thread it only decides whether an event is a command and hands it to the {@link CommandExecutor};
 * parsing, guards, the handler and its replies all happen on the command's virtual thread.
 */
class CommandDispatcher implements EventListener {

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final CommandRegistry registry;
    private final CommandExecutor executor;
    private final CooldownTracker cooldowns;
    private final CommandMetrics recorder;
    private final ScheduledExecutorService deferrals;
    private final CommandProperties properties;
    private final HandledMessages handled = new HandledMessages(50_000);
    private final MissedCommandRecovery recovery;

    CommandDispatcher(CommandRegistry registry, CommandExecutor executor, CooldownTracker cooldowns,
            CommandMetrics recorder, ScheduledExecutorService deferrals, CommandProperties properties) {
        this.recovery = new MissedCommandRecovery(this::onMessage);
        this.registry = registry;
        this.executor = executor;
        this.cooldowns = cooldowns;
        this.recorder = recorder;
        this.deferrals = deferrals;
        this.properties = properties;
    }

    @Override
    public void onEvent(GenericEvent event) {
        switch (event) {
            case SlashCommandInteractionEvent slash -> onSlashCommand(slash);
            case MessageReceivedEvent message -> onMessage(message);
            case SessionRecreateEvent recreated -> this.recovery.recover(recreated.getJDA());
            case ReadyEvent ready when this.recovery.hasSeenChannels() -> this.recovery.recover(ready.getJDA());
            default -> {
                // not a command
            }
        }
    }

    /* ---------------------------------------------------------------- slash commands */

    private void onSlashCommand(SlashCommandInteractionEvent event) {
        String fullName = (event.getSubcommandName() != null) ? event.getName() + " " + event.getSubcommandName()
                : event.getName();
        Optional<CommandDefinition> command = this.registry.find(fullName)
            .filter((candidate) -> candidate.offers(CommandSurface.SLASH));
        if (command.isEmpty()) {
            event.reply("Sorry, I don't know /" + fullName + " any more. Type /help to see what I can do.")
                .setEphemeral(true)
                .queue(null, (failure) -> Invocation.logFailure("answer an unknown command", failure));
            return;
        }
        SlashInvocation invocation = new SlashInvocation(command.get(), event, this.recorder);
        boolean started = this.executor.submit("/" + fullName,
                () -> run(invocation, () -> ArgumentResolver.slash(invocation.command(), event, invocation)));
        if (!started) {
            refuse(invocation);
            return;
        }
        this.deferrals.schedule(invocation::defer, this.properties.getDeferAfter().toMillis(), TimeUnit.MILLISECONDS);
    }

    /* ---------------------------------------------------------------- prefix commands */

    private void onMessage(MessageReceivedEvent event) {
        this.recovery.seen(event);
        long self = event.getJDA().getSelfUser().getIdLong();
        if (event.getAuthor().getIdLong() == self) {
            return;
        }
        if ((event.getAuthor().isBot() || event.isWebhookMessage()) && !this.properties.isAllowBots()) {
            return;
        }
        String content = event.getMessage().getContentRaw();
        String text = null;
        boolean mentioned = false;
        if (this.properties.isMentionPrefix()) {
            for (String mention : List.of("<@" + self + ">", "<@!" + self + ">")) {
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
            return;
        }
        if (!this.handled.firstTime(event.getMessageIdLong())) {
            // replayed on RESUME or recovered after a new session, and already answered
            return;
        }
        List<PrefixTokenizer.Token> words = PrefixTokenizer.tokenize(text);
        if (words.isEmpty()) {
            if (mentioned) {
                replyToMessage(event, "Hi! Type `" + prefix + "help` to see what I can do.");
            }
            return;
        }
        String name = words.getFirst().text().toLowerCase(java.util.Locale.ROOT);
        int argumentsStart = (words.size() > 1) ? words.get(1).start() : text.length();
        if (this.registry.isGroup(name)) {
            if (words.size() < 2 || this.registry.find(name + " " + words.get(1).text().toLowerCase(java.util.Locale.ROOT)).isEmpty()) {
                replyToMessage(event, "`" + prefix + name + "` needs a subcommand: " + subcommands(name, prefix) + ".");
                return;
            }
            name = name + " " + words.get(1).text().toLowerCase(java.util.Locale.ROOT);
            argumentsStart = (words.size() > 2) ? words.get(2).start() : text.length();
        }
        Optional<CommandDefinition> command = this.registry.find(name);
        if (command.isEmpty()) {
            unknown(event, name, prefix, mentioned);
            return;
        }
        if (!command.get().offers(CommandSurface.PREFIX)) {
            replyToMessage(event, "That one is a slash command: type `/" + name + "`.");
            return;
        }
        PrefixInvocation invocation = new PrefixInvocation(command.get(), event, text.substring(argumentsStart));
        boolean started = this.executor.submit(prefix + name, () -> run(invocation,
                () -> ArgumentResolver.prefix(invocation.command(), invocation.arguments(), event, invocation)));
        if (!started) {
            refuse(invocation);
        }
    }

    private void unknown(MessageReceivedEvent event, String name, String prefix, boolean mentioned) {
        String suggestion = this.registry.all().stream()
            .filter((command) -> command.offers(CommandSurface.PREFIX))
            .map(CommandDefinition::topLevelName)
            .distinct()
            .filter((known) -> distance(known, name) <= 2)
            .findFirst()
            .orElse(null);
        if (suggestion != null) {
            String typed = name.replace("`", "");
            replyToMessage(event, "I don't know `" + prefix + typed + "`. Did you mean `" + prefix + suggestion
                    + "`? Type `" + prefix + "help` for the list.");
        }
        else if (mentioned) {
            replyToMessage(event, "I don't know that command. Type `" + prefix + "help` to see what I can do.");
        }
        // otherwise the message was probably not meant for this bot: stay quiet
    }

    private String subcommands(String group, String prefix) {
        return this.registry.all().stream()
            .filter((command) -> group.equals(command.group()) && command.offers(CommandSurface.PREFIX))
            .map((command) -> "`" + prefix + command.fullName() + "`")
            .collect(Collectors.joining(", "));
    }

    private void replyToMessage(MessageReceivedEvent event, String text) {
        this.executor.submit("reply", () -> Delivery.send("reply to a message",
                () -> event.getMessage().reply(Invocation.messages(Reply.of(text)).getFirst())
                    .setNonce("r" + event.getMessageIdLong() + "-0")));
    }

    /* ---------------------------------------------------------------- running */

    private void refuse(Invocation invocation) {
        String why = this.executor.isAccepting() ? "I'm very busy right now: please try again in a moment."
                : "I'm restarting: please try again in a minute.";
        this.recorder.finished(invocation.command(), invocation.surface(), CommandOutcome.DENIED, 0);
        invocation.reply(Reply.of(why).ephemeral()); // queued with JDA: nothing here blocks the event thread
    }

    /**
     * Runs one command on the current (virtual) thread: guards, arguments, handler, replies.
     * @return what completes when its replies are sent
     */
    CompletableFuture<?> run(Invocation invocation, Supplier<@Nullable Object[]> arguments) {
        execute(invocation, arguments);
        return invocation.allSent();
    }

    private void execute(Invocation invocation, Supplier<@Nullable Object[]> arguments) {
        CommandDefinition command = invocation.command();
        CommandOutcome outcome = CommandOutcome.SUCCESS;
        
        try {
            String denied = denial(invocation);
            if (denied != null) {
                outcome = CommandOutcome.DENIED;
                invocation.reply(Reply.of(denied).ephemeral());
                return;
            }
            @Nullable Object[] values = arguments.get();
            Duration wait = this.cooldowns.tryUse(command, invocation.user().getIdLong());
            if (!wait.isZero()) {
                outcome = CommandOutcome.COOLDOWN;
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                invocation.reply(Reply.of("Slow down, please: you can use " + symbol(invocation) + command.fullName()
                        + " again in " + seconds + (seconds == 1 ? " second." : " seconds.")).ephemeral());
                return;
            }
            deliver(invocation, invoke(command, values));
            if (invocation instanceof SlashInvocation && !invocation.hasReplied()) {
                invocation.reply(Reply.of("Done.").ephemeral());
            }
        }
        catch (BadInputException ex) {
            outcome = CommandOutcome.BAD_INPUT;
            invocation.reply(Reply.of(ex.getMessage() + "\nUsage: `" + symbol(invocation) + command.usage() + "`")
                .ephemeral());
        }
        catch (CommandException ex) {
            outcome = CommandOutcome.BAD_INPUT;
            invocation.reply(Reply.of(ex.getMessage()).ephemeral());
        }
        catch (Throwable ex) {
            outcome = CommandOutcome.ERROR;
            if (!this.executor.isAccepting() && (ex instanceof InterruptedException || Thread.interrupted())) {
                // cut off by shutdown after discord.commands.shutdown-timeout: say so, never silently
                Thread.interrupted();
                log.warn("Command {}{} was interrupted by shutdown", symbol(invocation), command.fullName());
                invocation.reply(Reply.of("Sorry, I'm restarting and could not finish " + symbol(invocation)
                        + command.fullName() + ". Please try again in a minute.").ephemeral());
                return;
            }
            String errorId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            log.error("Command {}{} failed (error id {}), handled by {}", symbol(invocation), command.fullName(),
                    errorId, command.describeMethod(), ex);
            invocation.reply(Reply.of("Sorry, something went wrong while running " + symbol(invocation)
                    + command.fullName() + ". If it keeps happening, tell the bot's owner the error id `" + errorId
                    + "`.").ephemeral());
        }
        finally {
            this.recorder.finished(command, invocation.surface(), outcome, System.nanoTime() - invocation.startedNanos());
        }
    }

    private static @Nullable Object invoke(CommandDefinition command, @Nullable Object[] arguments) throws Throwable {
        try {
            return command.method().invoke(command.bean(), arguments);
        }
        catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }

    private static void deliver(Invocation invocation, @Nullable Object result) throws Throwable {
        switch (result) {
            case null -> {
                // void, or nothing to say
            }
            case CompletionStage<?> stage -> {
                Object value;
                try {
                    value = stage.toCompletableFuture().get();
                }
                catch (ExecutionException ex) {
                    throw (ex.getCause() != null) ? ex.getCause() : ex;
                }
                deliver(invocation, value);
            }
            case String text when text.isBlank() -> {
                // nothing to say
            }
            case String text -> invocation.reply(text);
            case Reply reply -> invocation.reply(reply);
            case MessageCreateData data -> invocation.reply(data);
            default -> throw new IllegalStateException("Unsupported result type " + result.getClass().getName()
                    + " from " + invocation.command().describeMethod());
        }
    }

    /** Why a guard refuses the run, or null when all pass. */
    private @Nullable String denial(Invocation invocation) {
        CommandDefinition command = invocation.command();
        Guild guild = invocation.guild();
        if (command.guildOnly() && guild == null) {
            return symbol(invocation) + command.fullName() + " only works in a server, not in direct messages.";
        }
        if (guild == null || !(invocation.channel() instanceof GuildChannel channel)) {
            return null;
        }
        Member member = invocation.member();
        List<Permission> userMissing = command.userPermissions().stream()
            .filter((permission) -> member == null || !member.hasPermission(channel, permission))
            .toList();
        if (!userMissing.isEmpty()) {
            return "You need the " + names(userMissing) + " to use " + symbol(invocation) + command.fullName() + ".";
        }
        List<Permission> botMissing = command.botPermissions().stream()
            .filter((permission) -> !guild.getSelfMember().hasPermission(channel, permission))
            .toList();
        if (!botMissing.isEmpty()) {
            return "I need the " + names(botMissing) + " in this channel to do that.";
        }
        return null;
    }

    private static String names(List<Permission> permissions) {
        String joined = permissions.stream().map((permission) -> "**" + permission.getName() + "**")
            .collect(Collectors.joining(", "));
        return joined + ((permissions.size() == 1) ? " permission" : " permissions");
    }

    private String symbol(Invocation invocation) {
        return (invocation.surface() == CommandSurface.SLASH) ? "/" : this.properties.getPrefix();
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
