package io.github.jdaboot.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the command framework.
 */
@ConfigurationProperties("discord.commands")
public class CommandProperties {

    /** Prefix of text commands, such as "." for ".idea". */
    private String prefix = ".";

    /** Whether a message starting with a mention of the bot ("@Bot idea") also runs a command. */
    private boolean mentionPrefix = true;

    /** Whether other bots and webhooks may run prefix commands (the bot itself never can). */
    private boolean allowBots = false;

    /** Guild ids to register slash commands in, for development where updates are instant; empty to register them globally. */
    private List<Long> guilds = new ArrayList<>();

    /** Whether to register the slash commands with Discord when the bot connects (only when they changed). */
    private boolean register = true;

    /** How long a slash command may run before it is deferred ("thinking…"); Discord's deadline is 3 seconds. */
    private Duration deferAfter = Duration.ofSeconds(2);

    /** How long an @Autocomplete method may take before Discord gets no suggestions (its deadline is 3 seconds). */
    private Duration autocompleteTimeout = Duration.ofSeconds(2);

    /** At most this many commands run at once; beyond that users are asked to try again. */
    private int maxConcurrent = 10_000;

    /** How long shutdown waits for running commands to finish before the gateway session closes. */
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    private final Components components = new Components();

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

    /**
     * Components sent with a callback ({@code Reply.withButton(style, label, callback)}), kept in memory.
     */
    public static class Components {

        /** How long a component's callback is kept: a click after that is told the component has expired. */
        private Duration expireAfter = Duration.ofMinutes(15);

        /** At most this many callbacks are kept; beyond that the least recently used are dropped. */
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

}
