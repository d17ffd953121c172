package io.github.jdaboot.interaction.help;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.github.jdaboot.interaction.CommandContext;
import io.github.jdaboot.interaction.CommandException;
import io.github.jdaboot.interaction.CommandSurface;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.handler.CommandDefinition;
import io.github.jdaboot.interaction.handler.CommandHandlerMapping;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.option.OptionDefinition;
import io.github.jdaboot.interaction.option.OptionSpec;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * {@code /help} and {@code .help}: the commands with their descriptions and options,
 * generated from the {@link Command @Command} declarations ({@code /config channels set}
 * for a subcommand of a nested group) of those that work where it is asked, or one
 * command or group in detail; in the user's language, descriptions included where the
 * messages have them under JDA's keys ({@code command.idea.description}, as for the
 * registration with Discord).
 */
public class HelpCommand {

    private final CommandHandlerMapping registry;

    private final String prefix;

    private final InteractionMessages messages;

    /**
     * The help command.
     * @param registry the commands
     * @param prefix the prefix of prefix commands ({@code discord.commands.prefix})
     * @param messages the texts, and the commands' descriptions in other languages
     */
    public HelpCommand(CommandHandlerMapping registry, String prefix, InteractionMessages messages) {
        this.registry = registry;
        this.prefix = prefix;
        this.messages = messages;
    }

    @Command(name = "help", description = "Lists the commands and how to use them", ephemeral = true)
    String help(@Option(description = "A command to explain", required = false) @Nullable String command,
            CommandContext context) {
        Locale locale = context.locale();
        String symbol = (context.surface() == CommandSurface.SLASH) ? "/" : this.prefix;
        List<CommandDefinition> offered = this.registry.getCommands()
            .stream()
            .filter((definition) -> definition.offers(context.surface()))
            .filter((definition) -> (context.surface() == CommandSurface.SLASH)
                    ? definition.scope().allows(context.contextType())
                    : definition.scope().allowsMessagesIn(context.contextType()))
            .toList();
        if (command != null && !command.isBlank()) {
            String wanted = command.strip().replaceFirst("^[/.!?]", "").toLowerCase(Locale.ROOT);
            List<CommandDefinition> matching = offered.stream()
                .filter((definition) -> definition.fullName().equals(wanted)
                        || definition.fullName().startsWith(wanted + " "))
                .toList();
            if (matching.isEmpty()) {
                throw new CommandException(
                        InteractionMessages.of("interaction.help.unknown", OptionSpec.quote(command), symbol));
            }
            return matching.stream()
                .map((definition) -> detail(definition, symbol, locale))
                .collect(Collectors.joining("\n\n"));
        }
        String list = offered.stream()
            .map((definition) -> "`" + symbol + definition.usage() + "`: " + description(definition, locale))
            .collect(Collectors.joining("\n"));
        return this.messages.get("interaction.help.title", locale) + "\n" + list + "\n\n"
                + this.messages.get((context.surface() == CommandSurface.PREFIX) ? "interaction.help.footer.prefix"
                        : "interaction.help.footer", locale, symbol);
    }

    private String detail(CommandDefinition definition, String symbol, Locale locale) {
        StringBuilder text = new StringBuilder(
                "`" + symbol + definition.usage() + "`\n" + description(definition, locale));
        for (OptionDefinition option : definition.options()) {
            text.append("\n")
                .append(this.messages.get(
                        option.required() ? "interaction.help.option" : "interaction.help.option.optional", locale,
                        option.name(), this.messages.get(option.description(), locale),
                        text(key(definition) + ".options." + option.name() + ".description",
                                option.spec().description(), locale)));
        }
        if (definition.cooldownSeconds() > 0) {
            text.append("\n")
                .append(this.messages.get("interaction.help.cooldown", locale,
                        String.valueOf(definition.cooldownSeconds())));
        }
        if (definition.guildOnly()) {
            text.append("\n").append(this.messages.get("interaction.help.guild-only", locale));
        }
        return text.toString();
    }

    private String description(CommandDefinition definition, Locale locale) {
        return text(key(definition) + ".description", definition.description(), locale);
    }

    /** JDA's localization key of a command: {@code idea}, {@code tag.add}. */
    private static String key(CommandDefinition definition) {
        return definition.fullName().replace(' ', '.');
    }

    /** A command's text in the language, as registered with Discord; else as declared. */
    private String text(String key, String declared, Locale locale) {
        MessageSource source = this.messages.getMessageSource();
        String text = source.getMessage("command." + key, null, null, locale);
        return (text != null) ? text : declared;
    }

}
