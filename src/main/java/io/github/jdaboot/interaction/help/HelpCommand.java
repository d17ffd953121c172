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
import io.github.jdaboot.interaction.option.OptionDefinition;
import io.github.jdaboot.interaction.option.OptionSpec;
import org.jspecify.annotations.Nullable;

/**
 * {@code /help} and {@code .help}: the commands with their descriptions and options,
 * generated from the {@link Command @Command} declarations, or one command in detail.
 */
public class HelpCommand {

    private final CommandHandlerMapping registry;

    private final String prefix;

    /**
     * The help command.
     * @param registry the commands
     * @param prefix the prefix of prefix commands ({@code discord.commands.prefix})
     */
    public HelpCommand(CommandHandlerMapping registry, String prefix) {
        this.registry = registry;
        this.prefix = prefix;
    }

    @Command(name = "help", description = "Lists the commands and how to use them", ephemeral = true)
    String help(@Option(description = "A command to explain", required = false) @Nullable String command,
            CommandContext context) {
        String symbol = (context.surface() == CommandSurface.SLASH) ? "/" : this.prefix;
        List<CommandDefinition> offered = this.registry.getCommands()
            .stream()
            .filter((definition) -> definition.offers(context.surface()))
            .toList();
        if (command != null && !command.isBlank()) {
            String wanted = command.strip().replaceFirst("^[/.!?]", "").toLowerCase(Locale.ROOT);
            List<CommandDefinition> matching = offered.stream()
                .filter((definition) -> definition.fullName().equals(wanted) || wanted.equals(definition.group()))
                .toList();
            if (matching.isEmpty()) {
                throw new CommandException(
                        "I don't know " + OptionSpec.quote(command) + ". Type `" + symbol + "help` for the list.");
            }
            return matching.stream()
                .map((definition) -> detail(definition, symbol))
                .collect(Collectors.joining("\n\n"));
        }
        String list = offered.stream()
            .map((definition) -> "`" + symbol + definition.usage() + "`: " + definition.description())
            .collect(Collectors.joining("\n"));
        return "**Commands**\n" + list + "\n\nType `" + symbol + "help <command>` for details."
                + ((context.surface() == CommandSurface.PREFIX) ? " Most commands also work as slash commands." : "");
    }

    private static String detail(CommandDefinition definition, String symbol) {
        StringBuilder text = new StringBuilder("`" + symbol + definition.usage() + "`\n" + definition.description());
        for (OptionDefinition option : definition.options()) {
            text.append("\n• **")
                .append(option.name())
                .append("** (")
                .append(option.describe())
                .append(option.required() ? "" : ", optional")
                .append("): ")
                .append(option.spec().description());
        }
        if (definition.cooldownSeconds() > 0) {
            text.append("\nCooldown: ").append(definition.cooldownSeconds()).append(" s per user.");
        }
        if (definition.guildOnly()) {
            text.append("\nWorks in servers only.");
        }
        return text.toString();
    }

}
