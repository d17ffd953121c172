package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;

/**
 * Marks a method of a Spring bean as a message command: an entry of the menu Discord
 * shows on a message ("Apps"). The message it was chosen on is a
 * {@link TargetOf @TargetOf} {@code Message} parameter; the method answers like a
 * command. Registered with the slash commands.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MessageCommand {

    /** The menu entry's name: 1-32 characters, spaces and capitals allowed. */
    String value();

    /**
     * Where the command can be installed; empty: as the class's
     * {@link CommandConfig @CommandConfig} or {@code discord.commands.integration-types}
     * say.
     */
    IntegrationType[] integrationTypes() default {};

    /**
     * Where the command may run; empty: as the class's
     * {@link CommandConfig @CommandConfig} or {@code discord.commands.contexts} say (only
     * {@code GUILD} when it is {@link GuildOnly @GuildOnly}).
     */
    InteractionContextType[] contexts() default {};

    /** Whether the command is age-restricted (see {@link Command#nsfw()}). */
    boolean nsfw() default false;

}
