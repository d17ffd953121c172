package io.github.jdaboot.command;

import java.util.EnumSet;
import java.util.Set;

import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.concrete.VoiceChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.unions.GuildChannelUnion;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import org.jspecify.annotations.Nullable;

/**
 * The Java types an {@link Option @Option} parameter may have, and the Discord option type of each.
 */
enum OptionKind {

    STRING(OptionType.STRING, "text"),
    LONG(OptionType.INTEGER, "whole number"),
    INT(OptionType.INTEGER, "whole number"),
    DOUBLE(OptionType.NUMBER, "number"),
    BOOLEAN(OptionType.BOOLEAN, "yes or no"),
    ENUM(OptionType.STRING, "choice"),
    USER(OptionType.USER, "user"),
    MEMBER(OptionType.USER, "server member"),
    ROLE(OptionType.ROLE, "role"),
    CHANNEL(OptionType.CHANNEL, "channel"),
    ATTACHMENT(OptionType.ATTACHMENT, "file");

    static final String SUPPORTED = "String, long, int, double, boolean (or their wrappers), an enum, User, Member,"
            + " Role, GuildChannel, GuildChannelUnion, GuildMessageChannel, TextChannel, ThreadChannel, VoiceChannel"
            + " or Message.Attachment";

    private final OptionType discordType;
    private final String description;

    OptionKind(OptionType discordType, String description) {
        this.discordType = discordType;
        this.description = description;
    }

    OptionType discordType() {
        return this.discordType;
    }

    /** How the kind is named to users in error replies and help. */
    String describe() {
        return this.description;
    }

    static @Nullable OptionKind of(Class<?> type) {
        if (type == String.class) {
            return STRING;
        }
        if (type == long.class || type == Long.class) {
            return LONG;
        }
        if (type == int.class || type == Integer.class) {
            return INT;
        }
        if (type == double.class || type == Double.class) {
            return DOUBLE;
        }
        if (type == boolean.class || type == Boolean.class) {
            return BOOLEAN;
        }
        if (type.isEnum()) {
            return ENUM;
        }
        if (type == User.class) {
            return USER;
        }
        if (type == Member.class) {
            return MEMBER;
        }
        if (type == Role.class) {
            return ROLE;
        }
        if (type == Message.Attachment.class) {
            return ATTACHMENT;
        }
        return (channelTypes(type) != null) ? CHANNEL : null;
    }

    /** The Discord channel types a channel parameter accepts; empty for any; null when not a channel type. */
    static @Nullable Set<ChannelType> channelTypes(Class<?> type) {
        if (type == GuildChannel.class || type == GuildChannelUnion.class) {
            return EnumSet.noneOf(ChannelType.class);
        }
        if (type == GuildMessageChannel.class) {
            return EnumSet.of(ChannelType.TEXT, ChannelType.NEWS, ChannelType.GUILD_PUBLIC_THREAD,
                    ChannelType.GUILD_PRIVATE_THREAD, ChannelType.GUILD_NEWS_THREAD, ChannelType.VOICE,
                    ChannelType.STAGE);
        }
        if (type == TextChannel.class) {
            return EnumSet.of(ChannelType.TEXT);
        }
        if (type == ThreadChannel.class) {
            return EnumSet.of(ChannelType.GUILD_PUBLIC_THREAD, ChannelType.GUILD_PRIVATE_THREAD,
                    ChannelType.GUILD_NEWS_THREAD);
        }
        if (type == VoiceChannel.class) {
            return EnumSet.of(ChannelType.VOICE);
        }
        return null;
    }
}
