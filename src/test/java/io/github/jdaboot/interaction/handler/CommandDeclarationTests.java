package io.github.jdaboot.interaction.handler;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.github.jdaboot.interaction.CommandSurface;
import io.github.jdaboot.interaction.annotation.Choice;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.CommandConfig;
import io.github.jdaboot.interaction.annotation.CommandGroup;
import io.github.jdaboot.interaction.annotation.DisabledByDefault;
import io.github.jdaboot.interaction.annotation.GuildOnly;
import io.github.jdaboot.interaction.annotation.MessageCommand;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.annotation.RequiresPermissions;
import io.github.jdaboot.interaction.annotation.TargetOf;
import io.github.jdaboot.interaction.annotation.UserCommand;
import io.github.jdaboot.interaction.autoconfigure.InteractionAutoConfiguration;
import io.github.jdaboot.interaction.option.OptionSpec;
import io.github.jdaboot.interaction.registration.CommandSynchronizer;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.interactions.IntegrationOwners;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command.Type;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands declared as completely as Discord allows (where they are installed and may
 * run, nested groups, choices, lengths, channel types, age restriction, disabled by
 * default): what is registered, and every declaration Discord would refuse failing
 * startup with the bean, the method and what to change.
 */
@DisplayName("Command declarations: where commands run, nested groups, choices")
class CommandDeclarationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(InteractionAutoConfiguration.class));

    @Test
    @DisplayName("integration types and contexts: the command's own, else its group's or class's, else the defaults")
    void scopes() {
        this.runner.withBean("everywhere", Everywhere.class)
            .withBean("config", Config.class)
            .withBean("channels", Config.Channels.class)
            .withBean("plain", Plain.class)
            .withBean("menus", Menus.class)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                CommandHandlerMapping commands = context.getBean(CommandHandlerMapping.class);
                assertThat(scope(commands, "anywhere"))
                    .isEqualTo(CommandScope.of(List.of(IntegrationType.GUILD_INSTALL, IntegrationType.USER_INSTALL),
                            List.of(InteractionContextType.GUILD, InteractionContextType.BOT_DM,
                                    InteractionContextType.PRIVATE_CHANNEL)));
                assertThat(scope(commands, "here")).as("its own contexts win over the class's")
                    .isEqualTo(CommandScope.of(List.of(IntegrationType.GUILD_INSTALL, IntegrationType.USER_INSTALL),
                            List.of(InteractionContextType.BOT_DM)));
                assertThat(scope(commands, "servers")).as("@GuildOnly narrows the inherited contexts")
                    .isEqualTo(CommandScope.of(List.of(IntegrationType.GUILD_INSTALL, IntegrationType.USER_INSTALL),
                            List.of(InteractionContextType.GUILD)));
                assertThat(scope(commands, "config show")).isEqualTo(scope(commands, "config channels set"))
                    .isEqualTo(CommandScope.of(List.of(IntegrationType.GUILD_INSTALL),
                            List.of(InteractionContextType.GUILD)));
                assertThat(scope(commands, "plain")).isEqualTo(CommandScope.DEFAULT);
                ContextCommandMapping menus = context.getBean(ContextCommandMapping.class);
                assertThat(menus.getContextCommands()).extracting(ContextCommandMapping.ContextCommand::scope)
                    .containsExactlyInAnyOrder(
                            CommandScope.of(List.of(IntegrationType.USER_INSTALL),
                                    List.of(InteractionContextType.PRIVATE_CHANNEL, InteractionContextType.BOT_DM)),
                            CommandScope.of(List.of(IntegrationType.GUILD_INSTALL),
                                    List.of(InteractionContextType.GUILD)));
            });
    }

    @Test
    @DisplayName("a nested @CommandGroup is a subcommand group: /config channels set, registered as Discord nests it")
    void nestedGroups() {
        this.runner.withBean("config", Config.class).withBean("channels", Config.Channels.class).run((context) -> {
            assertThat(context).hasNotFailed();
            CommandHandlerMapping commands = context.getBean(CommandHandlerMapping.class);
            assertThat(commands.getCommands()).extracting(CommandDefinition::fullName)
                .contains("config show", "config channels set", "config channels clear");
            assertThat(commands.isGroup("config")).isTrue();
            assertThat(commands.isGroup("config channels")).isTrue();
            assertThat(commands.getCommand("config channels set").orElseThrow().usage())
                .isEqualTo("config channels set <channel>");
            DataObject config = registered(context.getBean(CommandSynchronizer.class), "config");
            assertThat(config.getString("default_member_permissions")).as("@DisabledByDefault on the group")
                .isEqualTo("0");
            assertThat(config.getBoolean("nsfw")).isFalse();
            List<DataObject> options = objects(config.getArray("options"));
            assertThat(options).extracting((option) -> option.getString("name") + ":" + option.getInt("type"))
                .as("a subcommand and a subcommand group")
                .containsExactly("show:1", "channels:2");
            List<DataObject> channels = objects(options.get(1).getArray("options"));
            assertThat(channels).extracting((option) -> option.getString("name"))
                .containsExactlyInAnyOrder("set", "clear");
            DataObject set = channels.stream()
                .filter((option) -> option.getString("name").equals("set"))
                .findFirst()
                .orElseThrow();
            assertThat(set.getArray("options").getObject(0).getArray("channel_types").toList()).containsExactly(0, 5);
        });
    }

    @Test
    @DisplayName("choices, lengths, channel types, nsfw and disabled-by-default as Discord gets them")
    void registeredOptions() {
        this.runner.withBean("everywhere", Everywhere.class).run((context) -> {
            assertThat(context).hasNotFailed();
            CommandSynchronizer synchronizer = context.getBean(CommandSynchronizer.class);
            DataObject anywhere = registered(synchronizer, "anywhere");
            assertThat(anywhere.getArray("integration_types").toList()).containsExactly("0", "1");
            assertThat(anywhere.getArray("contexts").toList()).containsExactly("0", "1", "2");
            assertThat(anywhere.getBoolean("nsfw")).isTrue();
            DataArray options = anywhere.getArray("options");
            assertThat(choices(options.getObject(0))).containsExactly("Small=25", "Large=40");
            DataObject name = options.getObject(1);
            assertThat(name.getInt("min_length")).isEqualTo(3);
            assertThat(name.getInt("max_length")).isEqualTo(20);
            assertThat(choices(options.getObject(2))).containsExactly("Sweet=sweet", "Sour=sour");
            assertThat(choices(options.getObject(3))).containsExactly("Half=0.5");
            DataObject where = options.getObject(4);
            assertThat(where.getArray("channel_types").toList()).containsExactly(2, 13);
            OptionSpec spec = context.getBean(CommandHandlerMapping.class)
                .getCommand("anywhere")
                .orElseThrow()
                .options()
                .get(0)
                .spec();
            assertThat(spec.choiceValue("large")).isEqualTo("40");
            assertThat(registered(synchronizer, "here").getString("default_member_permissions")).isEqualTo("0");
        });
    }

    @Test
    @DisplayName("a nested group, its subcommands and explicit choices are localized through the MessageSource")
    void localizedGroupsAndChoices() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("command.config.channels.name", Locale.GERMAN, "kanaele");
        messages.addMessage("command.config.channels.description", Locale.GERMAN, "Wohin der Bot schreibt");
        messages.addMessage("command.config.channels.set.name", Locale.GERMAN, "setzen");
        messages.addMessage("command.anywhere.options.size.choices.large.name", Locale.GERMAN, "Gross");
        messages.addMessage("command.anywhere.options.flavour.choices.sour.name", Locale.GERMAN, "Sauer");
        this.runner.withBean("messageSource", MessageSource.class, () -> messages)
            .withBean("config", Config.class)
            .withBean("channels", Config.Channels.class)
            .withBean("everywhere", Everywhere.class)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                CommandSynchronizer synchronizer = context.getBean(CommandSynchronizer.class);
                DataObject channels = registered(synchronizer, "config").getArray("options").getObject(1);
                assertThat(channels.getObject("name_localizations").getString("de")).isEqualTo("kanaele");
                assertThat(channels.getObject("description_localizations").getString("de"))
                    .isEqualTo("Wohin der Bot schreibt");
                DataObject set = objects(channels.getArray("options")).stream()
                    .filter((option) -> option.getString("name").equals("set"))
                    .findFirst()
                    .orElseThrow();
                assertThat(set.getObject("name_localizations").getString("de")).isEqualTo("setzen");
                DataArray options = registered(synchronizer, "anywhere").getArray("options");
                assertThat(options.getObject(0)
                    .getArray("choices")
                    .getObject(1)
                    .getObject("name_localizations")
                    .getString("de")).isEqualTo("Gross");
                assertThat(options.getObject(2)
                    .getArray("choices")
                    .getObject(1)
                    .getObject("name_localizations")
                    .getString("de")).isEqualTo("Sauer");
                DataObject small = options.getObject(0).getArray("choices").getObject(0);
                assertThat(small.optObject("name_localizations").map(DataObject::keys).orElse(Set.of()))
                    .as("no German name for Small")
                    .isEmpty();
            });
    }

    @Test
    @DisplayName("the application's defaults come from discord.commands.integration-types and .contexts")
    void defaultsFromProperties() {
        this.runner.withBean("plain", Plain.class)
            .withPropertyValues("discord.commands.integration-types=guild-install,user-install",
                    "discord.commands.contexts=guild,bot-dm,private-channel")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(scope(context.getBean(CommandHandlerMapping.class), "plain"))
                    .isEqualTo(CommandScope.of(List.of(IntegrationType.GUILD_INSTALL, IntegrationType.USER_INSTALL),
                            List.of(InteractionContextType.GUILD, InteractionContextType.BOT_DM,
                                    InteractionContextType.PRIVATE_CHANNEL)));
            });
    }

    @Test
    @DisplayName("defaults Discord would refuse fail startup naming the property")
    void invalidDefaults() {
        this.runner.withPropertyValues("discord.commands.contexts=guild,private-channel").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("discord.commands.contexts")
                .hasMessageContaining("add USER_INSTALL to discord.commands.integration-types");
        });
        this.runner.withPropertyValues("discord.commands.integration-types=").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("discord.commands.integration-types is empty");
        });
    }

    @Test
    @DisplayName("a context an integration type cannot have")
    void contextWithoutItsIntegrationType() {
        assertFails(PrivateWithoutUserInstall.class, "@Command", "contexts contains PRIVATE_CHANNEL (DMs between"
                + " users and group DMs), which Discord offers only to commands installed to users: add USER_INSTALL"
                + " to integrationTypes");
        assertFails(PrivateByClass.class, "@Command",
                "@CommandConfig(contexts) of PrivateByClass contains PRIVATE_CHANNEL");
        assertFails(PrivateUserCommand.class, "@UserCommand", "contexts contains PRIVATE_CHANNEL");
        assertFails(GuildOnlyElsewhere.class, "@Command",
                "it works in servers only (@GuildOnly or @RequiresPermissions), but its contexts also name [BOT_DM]");
        assertFails(PrefixWhereNoMessages.class, "@Command",
                "it is offered as a prefix command, but it may run only where the bot receives no messages");
    }

    @Test
    @DisplayName("what Discord keeps per top-level command is not declared on a subcommand")
    void subcommandsHaveNoScopeOfTheirOwn() {
        assertFails(SubcommandWithContexts.class, "@Command",
                "a subcommand has no integrationTypes, contexts or nsfw of its own");
        assertFails(SubcommandNsfw.class, "@Command", "a subcommand has no integrationTypes, contexts or nsfw");
        assertFails(SubcommandDisabled.class, "@Command", "a subcommand cannot be @DisabledByDefault on its own");
        assertFails(DisabledWithPermissions.class, "@Command",
                "it is @DisabledByDefault and also requires [MANAGE_SERVER] of users");
        this.runner.withBean("bad", NestedWithContexts.Inner.class)
            .run((context) -> assertFailure(context, "@Command",
                    "@CommandGroup 'inner' is nested in /outer, so it has no integrationTypes, contexts or nsfw"));
        this.runner.withBean("bad", NestedWithConfig.Inner.class)
            .run((context) -> assertFailure(context, "@Command",
                    "@CommandGroup 'inner' is nested in /outer: @CommandConfig and @DisabledByDefault apply to the"
                            + " whole command"));
        this.runner.withBean("first", Config.class)
            .withBean("bad", OtherConfig.class)
            .run((context) -> assertFailure(context, "@Command",
                    "/config is declared twice with a different where it is installed and may run"));
    }

    @ParameterizedTest
    @MethodSource
    @DisplayName("groups nest one level, hold at most 25, and a name is a command or a group")
    void groupLimits(List<Map.Entry<String, Class<?>>> beans, String problem) {
        ApplicationContextRunner runner = this.runner;
        for (Map.Entry<String, Class<?>> bean : beans) {
            runner = runner.withBean(bean.getKey(), bean.getValue());
        }
        runner.run((context) -> assertFailure(context, "@Command", problem));
    }

    static Stream<Arguments> groupLimits() {
        return Stream.of(
                Arguments.argumentSet("a group nested in a group nested in a group",
                        List.of(bad(TooDeep.Middle.Inner.class)),
                        "@CommandGroup 'inner' is nested in 'middle', which is nested in 'outer': Discord nests one"
                                + " level only"),
                Arguments.argumentSet("26 subcommands in a subcommand group", List.of(bad(TwentySix.Inner.class)),
                        "command group 'many inner' has more than 25 subcommands, Discord's limit"),
                Arguments.argumentSet("25 subcommands and a subcommand group in a command",
                        List.of(Map.entry("many", TwentyFive.class), bad(TwentyFive.Extra.class)),
                        "command /many has more than 25 subcommands and subcommand groups, Discord's limit"),
                Arguments.argumentSet("a name both a command and a command group",
                        List.of(Map.entry("config", Config.class), Map.entry("channels", Config.Channels.class),
                                bad(ChannelsSubcommand.class)),
                        "command name 'config channels' is both a command and a command group"),
                Arguments.argumentSet("a nested group's name not a valid Discord name",
                        List.of(bad(BadNestedName.Inner.class)), "invalid command group name 'Inner'"));
    }

    /** The bean that fails startup, named "bad" as {@link #assertFailure} expects. */
    private static Map.Entry<String, Class<?>> bad(Class<?> type) {
        return Map.entry("bad", type);
    }

    @Test
    @DisplayName("choices Discord would refuse")
    void invalidChoices() {
        assertFails(TooManyChoices.class, "@Command", "option 'n' has 26 choices, Discord allows 25");
        assertFails(ChoicesOnBoolean.class, "@Command",
                "option 'flag' has choices, which Discord offers for text and numbers only");
        assertFails(ChoicesOnEnum.class, "@Command", "(an enum offers its constants)");
        assertFails(DuplicateChoiceName.class, "@Command",
                "option 'n' has the choice 'One' = '2': another choice has the same name");
        assertFails(DuplicateChoiceValue.class, "@Command",
                "option 'n' has the choice 'Uno' = '1': another choice has the same value");
        assertFails(TextChoiceForNumber.class, "@Command",
                "option 'n' has the choice 'Many' = 'lots': its value is not a whole number");
        assertFails(ChoiceOutOfRange.class, "@Command",
                "option 'n' has the choice 'Big' = '500': its value is out of the option's range");
        assertFails(ChoicesWithAutocomplete.class, "@Command",
                "option 'text' has autocomplete, which Discord offers for text and numbers without choices only");
        assertFails(LongChoiceName.class, "@Command", "its name must be 1 to 100 characters");
    }

    @Test
    @DisplayName("lengths and channel types Discord would refuse")
    void invalidLengthsAndChannelTypes() {
        assertFails(MinAboveMaxLength.class, "@Command", "option 'text' has minLength 10 above maxLength 5");
        assertFails(MinLengthOnNumber.class, "@Command",
                "option 'n' has minLength, which Discord offers for text only");
        assertFails(HugeMinLength.class, "@Command", "option 'text' has minLength 7000, Discord allows 0 to 6000");
        assertFails(ChannelTypesOnText.class, "@Command",
                "option 'text' has channelTypes, which Discord offers for channels only");
        assertFails(IncompatibleChannelType.class, "@Command",
                "option 'channel' cannot be registered with Discord: channel type VOICE cannot be a TextChannel");
    }

    @Test
    @DisplayName("handlers take the interaction's context and who authorized it")
    void contextParameters() {
        this.runner.withBean("owners", Owners.class).run((context) -> assertThat(context).hasNotFailed());
    }

    private static CommandScope scope(CommandHandlerMapping commands, String name) {
        return commands.getCommand(name).orElseThrow().scope();
    }

    private static List<String> choices(DataObject option) {
        return objects(option.getArray("choices")).stream()
            .map((choice) -> choice.getString("name") + "=" + choice.get("value"))
            .toList();
    }

    private static List<DataObject> objects(DataArray array) {
        return array.stream(DataArray::getObject).toList();
    }

    private static DataObject registered(CommandSynchronizer synchronizer, String name) {
        return synchronizer.desired()
            .stream()
            .filter((command) -> command.getType() == Type.SLASH && command.getName().equals(name))
            .map(CommandData::toData)
            .findFirst()
            .orElseThrow();
    }

    private void assertFails(Class<?> bean, String annotation, String problem) {
        this.runner.withBean("bad", bean).run((context) -> assertFailure(context, annotation, problem));
    }

    private static void assertFailure(
            org.springframework.boot.test.context.assertj.AssertableApplicationContext context, String annotation,
            String problem) {
        assertThat(context).hasFailed();
        assertThat(context.getStartupFailure()).isInstanceOf(BeanInitializationException.class)
            .hasMessageStartingWith("Invalid " + annotation + " method bad.")
            .hasMessageContaining(problem);
    }

    @CommandConfig(integrationTypes = { IntegrationType.GUILD_INSTALL, IntegrationType.USER_INSTALL }, contexts = {
            InteractionContextType.GUILD, InteractionContextType.BOT_DM, InteractionContextType.PRIVATE_CHANNEL })
    static class Everywhere {

        @Command(name = "anywhere", description = "Runs anywhere", nsfw = true, surfaces = CommandSurface.SLASH)
        String anywhere(
                @Option(description = "Size",
                        choices = { @Choice(name = "Small", value = "25"),
                                @Choice(name = "Large", value = "40") }) int size,
                @Option(description = "Name", minLength = 3, maxLength = 20) String name,
                @Option(description = "Flavour",
                        choices = { @Choice(name = "Sweet", value = "sweet"),
                                @Choice(name = "Sour", value = "sour") }) String flavour,
                @Option(description = "Weight", choices = @Choice(name = "Half", value = "0.5")) double weight,
                @Option(description = "Where",
                        channelTypes = { ChannelType.VOICE, ChannelType.STAGE }) GuildChannel where) {
            return "";
        }

        @Command(name = "here", description = "Runs in the bot's DM", contexts = InteractionContextType.BOT_DM)
        @DisabledByDefault
        String here() {
            return "";
        }

        @Command(name = "servers", description = "Runs in servers")
        @GuildOnly
        String servers() {
            return "";
        }

    }

    @CommandGroup(name = "config", description = "Settings", contexts = InteractionContextType.GUILD)
    @DisabledByDefault
    static class Config {

        @Command(name = "show", description = "Shows them")
        String show() {
            return "";
        }

        @CommandGroup(name = "channels", description = "Channels")
        static class Channels {

            @Command(name = "set", description = "Sets one")
            String set(@Option(description = "The channel",
                    channelTypes = { ChannelType.TEXT, ChannelType.NEWS }) GuildChannel channel) {
                return "";
            }

            @Command(name = "clear", description = "Clears one")
            String clear() {
                return "";
            }

        }

    }

    @CommandGroup(name = "config", description = "Settings", contexts = InteractionContextType.BOT_DM)
    static class OtherConfig {

        @Command(name = "reset", description = "Resets")
        String reset() {
            return "";
        }

    }

    @CommandGroup(name = "config", description = "Settings", contexts = InteractionContextType.GUILD)
    @DisabledByDefault
    static class ChannelsSubcommand {

        @Command(name = "channels", description = "Clashes with the group")
        String channels() {
            return "";
        }

    }

    static class Plain {

        @Command(name = "plain", description = "Plain")
        String plain() {
            return "";
        }

    }

    static class Menus {

        @UserCommand(value = "Wave", integrationTypes = IntegrationType.USER_INSTALL,
                contexts = { InteractionContextType.PRIVATE_CHANNEL, InteractionContextType.BOT_DM })
        String wave(@TargetOf User user) {
            return "";
        }

        @MessageCommand("Quote")
        @GuildOnly
        String quote(@TargetOf Message message) {
            return "";
        }

    }

    static class Owners {

        @Command(name = "who", description = "Who")
        String who(InteractionContextType where, IntegrationOwners owners) {
            return "";
        }

    }

    static class PrivateWithoutUserInstall {

        @Command(name = "dm", description = "DMs", contexts = InteractionContextType.PRIVATE_CHANNEL,
                surfaces = CommandSurface.SLASH)
        String dm() {
            return "";
        }

    }

    @CommandConfig(contexts = { InteractionContextType.GUILD, InteractionContextType.PRIVATE_CHANNEL })
    static class PrivateByClass {

        @Command(name = "dm", description = "DMs")
        String dm() {
            return "";
        }

    }

    static class PrivateUserCommand {

        @UserCommand(value = "Wave", contexts = InteractionContextType.PRIVATE_CHANNEL)
        String wave(@TargetOf User user) {
            return "";
        }

    }

    static class GuildOnlyElsewhere {

        @Command(name = "mod", description = "Moderates",
                contexts = { InteractionContextType.GUILD, InteractionContextType.BOT_DM })
        @RequiresPermissions(user = Permission.KICK_MEMBERS)
        String mod() {
            return "";
        }

    }

    static class PrefixWhereNoMessages {

        @Command(name = "dm", description = "DMs", integrationTypes = IntegrationType.USER_INSTALL,
                contexts = InteractionContextType.PRIVATE_CHANNEL)
        String dm() {
            return "";
        }

    }

    @CommandGroup(name = "tags", description = "Tags")
    static class SubcommandWithContexts {

        @Command(name = "add", description = "Adds", contexts = InteractionContextType.GUILD)
        String add() {
            return "";
        }

    }

    @CommandGroup(name = "tags", description = "Tags")
    static class SubcommandNsfw {

        @Command(name = "add", description = "Adds", nsfw = true)
        String add() {
            return "";
        }

    }

    @CommandGroup(name = "tags", description = "Tags")
    static class SubcommandDisabled {

        @Command(name = "add", description = "Adds")
        @DisabledByDefault
        String add() {
            return "";
        }

    }

    static class DisabledWithPermissions {

        @Command(name = "ban", description = "Bans")
        @DisabledByDefault
        @RequiresPermissions(user = Permission.MANAGE_SERVER)
        String ban() {
            return "";
        }

    }

    @CommandGroup(name = "outer", description = "Outer")
    static class NestedWithContexts {

        @CommandGroup(name = "inner", description = "Inner", contexts = InteractionContextType.GUILD)
        static class Inner {

            @Command(name = "run", description = "Runs")
            String run() {
                return "";
            }

        }

    }

    @CommandGroup(name = "outer", description = "Outer")
    static class NestedWithConfig {

        @CommandGroup(name = "inner", description = "Inner")
        @CommandConfig(contexts = InteractionContextType.GUILD)
        static class Inner {

            @Command(name = "run", description = "Runs")
            String run() {
                return "";
            }

        }

    }

    @CommandGroup(name = "outer", description = "Outer")
    static class TooDeep {

        @CommandGroup(name = "middle", description = "Middle")
        static class Middle {

            @CommandGroup(name = "inner", description = "Inner")
            static class Inner {

                @Command(name = "run", description = "Runs")
                String run() {
                    return "";
                }

            }

        }

    }

    @CommandGroup(name = "outer", description = "Outer")
    static class BadNestedName {

        @CommandGroup(name = "Inner", description = "Inner")
        static class Inner {

            @Command(name = "run", description = "Runs")
            String run() {
                return "";
            }

        }

    }

    /** 25 subcommands, Discord's limit for a command or a subcommand group. */
    abstract static class TwentyFiveSubcommands {

        @Command(name = "c01", description = "c")
        String c01() {
            return "";
        }

        @Command(name = "c02", description = "c")
        String c02() {
            return "";
        }

        @Command(name = "c03", description = "c")
        String c03() {
            return "";
        }

        @Command(name = "c04", description = "c")
        String c04() {
            return "";
        }

        @Command(name = "c05", description = "c")
        String c05() {
            return "";
        }

        @Command(name = "c06", description = "c")
        String c06() {
            return "";
        }

        @Command(name = "c07", description = "c")
        String c07() {
            return "";
        }

        @Command(name = "c08", description = "c")
        String c08() {
            return "";
        }

        @Command(name = "c09", description = "c")
        String c09() {
            return "";
        }

        @Command(name = "c10", description = "c")
        String c10() {
            return "";
        }

        @Command(name = "c11", description = "c")
        String c11() {
            return "";
        }

        @Command(name = "c12", description = "c")
        String c12() {
            return "";
        }

        @Command(name = "c13", description = "c")
        String c13() {
            return "";
        }

        @Command(name = "c14", description = "c")
        String c14() {
            return "";
        }

        @Command(name = "c15", description = "c")
        String c15() {
            return "";
        }

        @Command(name = "c16", description = "c")
        String c16() {
            return "";
        }

        @Command(name = "c17", description = "c")
        String c17() {
            return "";
        }

        @Command(name = "c18", description = "c")
        String c18() {
            return "";
        }

        @Command(name = "c19", description = "c")
        String c19() {
            return "";
        }

        @Command(name = "c20", description = "c")
        String c20() {
            return "";
        }

        @Command(name = "c21", description = "c")
        String c21() {
            return "";
        }

        @Command(name = "c22", description = "c")
        String c22() {
            return "";
        }

        @Command(name = "c23", description = "c")
        String c23() {
            return "";
        }

        @Command(name = "c24", description = "c")
        String c24() {
            return "";
        }

        @Command(name = "c25", description = "c")
        String c25() {
            return "";
        }

    }

    @CommandGroup(name = "many", description = "Many")
    static class TwentySix {

        /** 26 subcommands in the group 'many inner'. */
        @CommandGroup(name = "inner", description = "Inner")
        static class Inner extends TwentyFiveSubcommands {

            @Command(name = "c26", description = "c")
            String c26() {
                return "";
            }

        }

    }

    /** 25 subcommands, and a subcommand group beside them: 26 options of /many. */
    @CommandGroup(name = "many", description = "Many")
    static class TwentyFive extends TwentyFiveSubcommands {

        @CommandGroup(name = "extra", description = "Extra")
        static class Extra {

            @Command(name = "run", description = "Runs")
            String run() {
                return "";
            }

        }

    }

    static class TooManyChoices {

        @Command(name = "pick", description = "Picks")
        String pick(@Option(description = "n", choices = { @Choice(name = "a", value = "1"),
                @Choice(name = "b", value = "2"), @Choice(name = "c", value = "3"), @Choice(name = "d", value = "4"),
                @Choice(name = "e", value = "5"), @Choice(name = "f", value = "6"), @Choice(name = "g", value = "7"),
                @Choice(name = "h", value = "8"), @Choice(name = "i", value = "9"), @Choice(name = "j", value = "10"),
                @Choice(name = "k", value = "11"), @Choice(name = "l", value = "12"), @Choice(name = "m", value = "13"),
                @Choice(name = "n", value = "14"), @Choice(name = "o", value = "15"), @Choice(name = "p", value = "16"),
                @Choice(name = "q", value = "17"), @Choice(name = "r", value = "18"), @Choice(name = "s", value = "19"),
                @Choice(name = "t", value = "20"), @Choice(name = "u", value = "21"), @Choice(name = "v", value = "22"),
                @Choice(name = "w", value = "23"), @Choice(name = "x", value = "24"), @Choice(name = "y", value = "25"),
                @Choice(name = "z", value = "26") }) int n) {
            return "";
        }

    }

    static class ChoicesOnBoolean {

        @Command(name = "pick", description = "Picks")
        String pick(@Option(description = "flag", choices = @Choice(name = "Yes", value = "true")) boolean flag) {
            return "";
        }

    }

    enum Colour {

        RED, GREEN

    }

    static class ChoicesOnEnum {

        @Command(name = "pick", description = "Picks")
        String pick(@Option(description = "colour", choices = @Choice(name = "Red", value = "RED")) Colour colour) {
            return "";
        }

    }

    static class DuplicateChoiceName {

        @Command(name = "pick", description = "Picks")
        String pick(@Option(description = "n",
                choices = { @Choice(name = "One", value = "1"), @Choice(name = "One", value = "2") }) int n) {
            return "";
        }

    }

    static class DuplicateChoiceValue {

        @Command(name = "pick", description = "Picks")
        String pick(@Option(description = "n",
                choices = { @Choice(name = "One", value = "1"), @Choice(name = "Uno", value = "1") }) int n) {
            return "";
        }

    }

    static class TextChoiceForNumber {

        @Command(name = "pick", description = "Picks")
        String pick(@Option(description = "n", choices = @Choice(name = "Many", value = "lots")) long n) {
            return "";
        }

    }

    static class ChoiceOutOfRange {

        @Command(name = "pick", description = "Picks")
        String pick(@Option(description = "n", max = 100, choices = @Choice(name = "Big", value = "500")) int n) {
            return "";
        }

    }

    static class ChoicesWithAutocomplete {

        @Command(name = "pick", description = "Picks")
        String pick(@Option(description = "text", autocomplete = true,
                choices = @Choice(name = "A", value = "a")) String text) {
            return "";
        }

    }

    static class LongChoiceName {

        @Command(name = "pick", description = "Picks")
        String pick(@Option(description = "text", choices = @Choice(
                name = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                value = "a")) String text) {
            return "";
        }

    }

    static class MinAboveMaxLength {

        @Command(name = "say", description = "Says")
        String say(@Option(description = "text", minLength = 10, maxLength = 5) String text) {
            return "";
        }

    }

    static class MinLengthOnNumber {

        @Command(name = "say", description = "Says")
        String say(@Option(description = "n", minLength = 1) int n) {
            return "";
        }

    }

    static class HugeMinLength {

        @Command(name = "say", description = "Says")
        String say(@Option(description = "text", minLength = 7000) String text) {
            return "";
        }

    }

    static class ChannelTypesOnText {

        @Command(name = "say", description = "Says")
        String say(@Option(description = "text", channelTypes = ChannelType.TEXT) String text) {
            return "";
        }

    }

    static class IncompatibleChannelType {

        @Command(name = "post", description = "Posts")
        String post(@Option(description = "channel", channelTypes = ChannelType.VOICE) TextChannel channel) {
            return "";
        }

    }

}
