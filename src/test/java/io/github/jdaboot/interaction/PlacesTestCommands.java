package io.github.jdaboot.interaction;

import io.github.jdaboot.interaction.annotation.Choice;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.CommandConfig;
import io.github.jdaboot.interaction.annotation.CommandGroup;
import io.github.jdaboot.interaction.annotation.DisabledByDefault;
import io.github.jdaboot.interaction.annotation.GuildOnly;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.annotation.RequiresPermissions;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.interactions.IntegrationOwners;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;

/**
 * Commands declared as completely as Discord allows, for the end-to-end tests of where
 * commands are installed and run, nested groups and options with choices; imported with
 * {@link Config} and {@link Config.Channels}.
 */
@CommandConfig(integrationTypes = { IntegrationType.GUILD_INSTALL, IntegrationType.USER_INSTALL }, contexts = {
        InteractionContextType.GUILD, InteractionContextType.BOT_DM, InteractionContextType.PRIVATE_CHANNEL })
public class PlacesTestCommands {

    @Command(name = "where", description = "Says where it runs and who installed the app there")
    String where(InteractionContextType context, IntegrationOwners owners) {
        return "context=" + context + " user=" + owners.getAuthorizingUserId() + " guild="
                + owners.getAuthorizingGuildId();
    }

    @Command(name = "moderate", description = "Needs permissions of the user and of the bot")
    @RequiresPermissions(user = Permission.MESSAGE_SEND, bot = Permission.MESSAGE_MANAGE)
    String moderate() {
        return "moderated";
    }

    @Command(name = "local", description = "Only in servers")
    @GuildOnly
    String local() {
        return "local";
    }

    @Command(name = "dmonly", description = "Only in the bot's DM", contexts = InteractionContextType.BOT_DM)
    String dmOnly() {
        return "dm only";
    }

    @Command(name = "adult", description = "Age-restricted", nsfw = true)
    String adult() {
        return "adult";
    }

    @Command(name = "admin", description = "Disabled by default", contexts = InteractionContextType.GUILD)
    @DisabledByDefault
    String admin() {
        return "admin";
    }

    @Command(name = "pizza", description = "Orders a pizza")
    String pizza(
            @Option(description = "Size",
                    choices = { @Choice(name = "Small", value = "25"),
                            @Choice(name = "Large", value = "40") }) int size,
            @Option(description = "Name on the box", minLength = 2, maxLength = 10) String name,
            @Option(description = "Crust", choices = { @Choice(name = "Thin", value = "thin"),
                    @Choice(name = "Deep dish", value = "deep") }) String crust) {
        return "pizza size=" + size + " name=" + name + " crust=" + crust;
    }

    @Command(name = "chatty", description = "Sends seven messages", surfaces = CommandSurface.SLASH)
    void chatty(CommandContext context) {
        for (int i = 1; i <= 7; i++) {
            context.reply("message " + i);
        }
    }

    @Command(name = "sneaky", description = "Sends into the channel itself", surfaces = CommandSurface.SLASH)
    String sneaky(CommandContext context) {
        context.channel().sendMessage("posted by the bot").complete();
        return "sent";
    }

    @CommandGroup(name = "config", description = "Server settings", contexts = InteractionContextType.GUILD)
    public static class Config {

        @Command(name = "show", description = "Shows the settings")
        String show() {
            return "settings";
        }

        @CommandGroup(name = "channels", description = "Where the bot posts")
        public static class Channels {

            @Command(name = "set", description = "Sets the channel")
            String set(@Option(description = "The channel",
                    channelTypes = { ChannelType.TEXT, ChannelType.NEWS }) GuildChannel channel) {
                return "channel=" + channel.getName();
            }

            @Command(name = "clear", description = "Clears the channel")
            String clear() {
                return "cleared";
            }

        }

    }

}
