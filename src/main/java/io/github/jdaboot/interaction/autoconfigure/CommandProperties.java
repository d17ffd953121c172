package io.github.jdaboot.interaction.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the command framework.
 */
@ConfigurationProperties("discord.commands")
@Validated
public class CommandProperties {

    /** Prefix of text commands, such as "." for ".idea". */
    @Pattern(regexp = "\\S{1,5}", message = "must be 1 to 5 characters without spaces, such as . or !")
    private String prefix = ".";

    /**
     * Whether a message starting with a mention of the bot ("@Bot idea") also runs a
     * command.
     */
    private boolean mentionPrefix = true;

    /**
     * Whether other bots and webhooks may run prefix commands (the bot itself never can).
     */
    private boolean allowBots = false;

    /**
     * Guild ids to register slash commands in, for development where updates are instant;
     * empty to register them globally.
     */
    private List<Long> guilds = new ArrayList<>();

    /**
     * Whether to register the slash commands with Discord when the bot connects (only
     * when they changed).
     */
    private boolean register = true;

    /**
     * Where commands can be installed unless they say otherwise: GUILD_INSTALL (servers),
     * USER_INSTALL (users' accounts).
     */
    private List<IntegrationType> integrationTypes = new ArrayList<>(List.of(IntegrationType.GUILD_INSTALL));

    /**
     * Where commands may run unless they say otherwise: GUILD (servers), BOT_DM (the
     * bot's DM), PRIVATE_CHANNEL (DMs between users and group DMs, for USER_INSTALL
     * only).
     */
    private List<InteractionContextType> contexts = new ArrayList<>(
            List.of(InteractionContextType.GUILD, InteractionContextType.BOT_DM));

    /**
     * How long a slash command may run before it is deferred ("thinking…"); Discord's
     * deadline is 3 seconds.
     */
    @DurationMin(millis = 0)
    @DurationMax(millis = 2500, message = "must be at most 2500ms, so that slow commands are deferred within"
            + " Discord's 3-second deadline")
    private Duration deferAfter = Duration.ofSeconds(2);

    /**
     * How long an @Autocomplete method may take before Discord gets no suggestions (its
     * deadline is 3 seconds).
     */
    @DurationMin(millis = 0)
    @DurationMax(millis = 2800, message = "must be at most 2800ms, so that suggestions are answered within"
            + " Discord's 3-second deadline")
    private Duration autocompleteTimeout = Duration.ofSeconds(2);

    /**
     * At most this many commands run at once; beyond that users are asked to try again.
     */
    @Min(1)
    private int maxConcurrent = 10_000;

    /**
     * Whether the runs of @NonBlocking handlers stay on JDA's event thread; false gives
     * every run a virtual thread of its own, as if no handler were marked.
     */
    private boolean nonBlockingOnEventThread = true;

    /**
     * How long shutdown waits for running commands to finish before the gateway session
     * closes.
     */
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    @Valid
    private final Components components = new Components();

    @Valid
    private final Forms forms = new Forms();

    private final PrefixCommands prefixCommands = new PrefixCommands();

    private final Help help = new Help();

    public String getPrefix() {
        return this.prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public boolean isMentionPrefix() {
        return this.mentionPrefix;
    }

    public void setMentionPrefix(boolean mentionPrefix) {
        this.mentionPrefix = mentionPrefix;
    }

    public boolean isAllowBots() {
        return this.allowBots;
    }

    public void setAllowBots(boolean allowBots) {
        this.allowBots = allowBots;
    }

    public List<Long> getGuilds() {
        return this.guilds;
    }

    public void setGuilds(List<Long> guilds) {
        this.guilds = guilds;
    }

    public boolean isRegister() {
        return this.register;
    }

    public void setRegister(boolean register) {
        this.register = register;
    }

    public List<IntegrationType> getIntegrationTypes() {
        return this.integrationTypes;
    }

    public void setIntegrationTypes(List<IntegrationType> integrationTypes) {
        this.integrationTypes = integrationTypes;
    }

    public List<InteractionContextType> getContexts() {
        return this.contexts;
    }

    public void setContexts(List<InteractionContextType> contexts) {
        this.contexts = contexts;
    }

    public Duration getDeferAfter() {
        return this.deferAfter;
    }

    public void setDeferAfter(Duration deferAfter) {
        this.deferAfter = deferAfter;
    }

    public Duration getAutocompleteTimeout() {
        return this.autocompleteTimeout;
    }

    public void setAutocompleteTimeout(Duration autocompleteTimeout) {
        this.autocompleteTimeout = autocompleteTimeout;
    }

    public boolean isNonBlockingOnEventThread() {
        return this.nonBlockingOnEventThread;
    }

    public void setNonBlockingOnEventThread(boolean nonBlockingOnEventThread) {
        this.nonBlockingOnEventThread = nonBlockingOnEventThread;
    }

    public int getMaxConcurrent() {
        return this.maxConcurrent;
    }

    public void setMaxConcurrent(int maxConcurrent) {
        this.maxConcurrent = maxConcurrent;
    }

    public Duration getShutdownTimeout() {
        return this.shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public Components getComponents() {
        return this.components;
    }

    public Forms getForms() {
        return this.forms;
    }

    public PrefixCommands getPrefixCommands() {
        return this.prefixCommands;
    }

    public Help getHelp() {
        return this.help;
    }

    /**
     * Prefix commands ({@code .idea}), read from message text.
     */
    public static class PrefixCommands {

        /**
         * Whether messages can run commands; without them MESSAGE_CONTENT can be left out
         * of discord.intents.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

    }

    /**
     * The built-in {@code help} command.
     */
    public static class Help {

        /** Whether the bot has the built-in help command (/help and .help). */
        private boolean enabled = true;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

    }

    /**
     * Components sent with a callback ({@code Reply.withButton(style, label, callback)}),
     * kept in memory.
     */
    public static class Components {

        /**
         * How long a component's callback is kept: a click after that is told the
         * component has expired.
         */
        private Duration expireAfter = Duration.ofMinutes(15);

        /**
         * At most this many callbacks are kept; beyond that the least recently used are
         * dropped.
         */
        @Min(1)
        private int maxCallbacks = 10_000;

        public Duration getExpireAfter() {
            return this.expireAfter;
        }

        public void setExpireAfter(Duration expireAfter) {
            this.expireAfter = expireAfter;
        }

        public int getMaxCallbacks() {
            return this.maxCallbacks;
        }

        public void setMaxCallbacks(int maxCallbacks) {
            this.maxCallbacks = maxCallbacks;
        }

    }

    /**
     * Forms the bot opened ({@code Modal}): each is remembered, per user, until it is
     * submitted, so that its submission can be checked against what it offered.
     */
    public static class Forms {

        /**
         * How long an opened form is remembered: a submission after that (or after a
         * restart) is asked to open the form again.
         */
        private Duration expireAfter = Duration.ofHours(1);

        /**
         * At most this many open forms are remembered; beyond that the least recently
         * opened are dropped.
         */
        @Min(1)
        private int maxOpen = 10_000;

        public Duration getExpireAfter() {
            return this.expireAfter;
        }

        public void setExpireAfter(Duration expireAfter) {
            this.expireAfter = expireAfter;
        }

        public int getMaxOpen() {
            return this.maxOpen;
        }

        public void setMaxOpen(int maxOpen) {
            this.maxOpen = maxOpen;
        }

    }

}
