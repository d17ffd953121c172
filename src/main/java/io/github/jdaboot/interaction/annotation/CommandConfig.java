package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;

/**
 * Where the commands of a bean are installed and may run, as Spring's
 * {@code @CacheConfig} shares settings between the methods of a class: every
 * {@link Command @Command}, {@link UserCommand @UserCommand} and
 * {@link MessageCommand @MessageCommand} of the bean that does not say otherwise. What is
 * left empty here is the application's ({@code discord.commands.integration-types},
 * {@code discord.commands.contexts}). <pre class="code">
 * &#64;Component
 * &#64;CommandConfig(integrationTypes = { GUILD_INSTALL, USER_INSTALL }, contexts = { GUILD, BOT_DM, PRIVATE_CHANNEL })
 * class IdeaCommands { ... }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CommandConfig {

    /**
     * Where the bean's commands can be installed: to servers, to users' accounts, or
     * both.
     */
    IntegrationType[] integrationTypes() default {};

    /**
     * Where the bean's commands may run: servers, the bot's DM, DMs between users and
     * group DMs.
     */
    InteractionContextType[] contexts() default {};

}
