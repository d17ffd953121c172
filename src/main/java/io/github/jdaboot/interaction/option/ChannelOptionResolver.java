package io.github.jdaboot.interaction.option;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.invocation.PrefixInput;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.concrete.VoiceChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.unions.GuildChannelUnion;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/**
 * Channel options; the types declared ({@code @Option(channelTypes = ...)}), else the
 * parameter's type, decide which channel types Discord offers and the bot takes.
 */
public class ChannelOptionResolver implements OptionResolver {

    private static final Set<ChannelType> THREADS = EnumSet.of(ChannelType.GUILD_PUBLIC_THREAD,
            ChannelType.GUILD_PRIVATE_THREAD, ChannelType.GUILD_NEWS_THREAD);

    /** Each supported type and the channel types it takes; empty for any. */
    private static final Map<Class<?>, Set<ChannelType>> TYPES = Map.of(GuildChannel.class,
            EnumSet.noneOf(ChannelType.class), GuildChannelUnion.class, EnumSet.noneOf(ChannelType.class),
            GuildMessageChannel.class,
            EnumSet.of(ChannelType.TEXT, ChannelType.NEWS, ChannelType.GUILD_PUBLIC_THREAD,
                    ChannelType.GUILD_PRIVATE_THREAD, ChannelType.GUILD_NEWS_THREAD, ChannelType.VOICE,
                    ChannelType.STAGE),
            TextChannel.class, EnumSet.of(ChannelType.TEXT), ThreadChannel.class, THREADS, VoiceChannel.class,
            EnumSet.of(ChannelType.VOICE));

    @Override
    public boolean supports(Class<?> type) {
        return TYPES.containsKey(type);
    }

    @Override
    public OptionType optionType(Class<?> type) {
        return OptionType.CHANNEL;
    }

    @Override
    public String describe(Class<?> type) {
        Set<ChannelType> types = TYPES.get(type);
        return (types == null || types.isEmpty()) ? "a channel of this server, like #general"
                : "a channel of type " + typeNames(types);
    }

    @Override
    public MessageSourceResolvable description(Class<?> type) {
        Set<ChannelType> types = TYPES.get(type);
        return (types == null || types.isEmpty()) ? InteractionMessages.of("interaction.option.type.channel")
                : InteractionMessages.of("interaction.option.type.channel-of", typeNames(types));
    }

    /**
     * Discord's names of the channel types, in English as Discord's client shows them.
     */
    private static String typeNames(Set<ChannelType> types) {
        return types.stream()
            .sorted()
            .map((channelType) -> channelType.name().toLowerCase(Locale.ROOT).replace('_', ' '))
            .collect(Collectors.joining("/"));
    }

    @Override
    public void declare(OptionData data, OptionSpec option) {
        Set<ChannelType> possible = TYPES.getOrDefault(option.type(), Set.of());
        for (ChannelType declared : option.channelTypes()) {
            if (!declared.isGuild() || declared == ChannelType.UNKNOWN
                    || (!possible.isEmpty() && !possible.contains(declared))) {
                throw new IllegalArgumentException("channel type " + declared + " cannot be a "
                        + option.type().getSimpleName() + (possible.isEmpty() ? ""
                                : "; declare the parameter as GuildChannel, or use the types " + possible));
            }
        }
        Set<ChannelType> types = types(option);
        if (!types.isEmpty()) {
            data.setChannelTypes(types);
        }
    }

    /** The channel types offered: those declared, else those of the parameter's type. */
    private static Set<ChannelType> types(OptionSpec option) {
        return option.channelTypes().isEmpty() ? TYPES.getOrDefault(option.type(), Set.of()) : option.channelTypes();
    }

    @Override
    public Object fromSlash(OptionMapping mapping, OptionSpec option, InteractionContext context) {
        return checked(mapping.getAsChannel(), mapping.getAsString(), option);
    }

    @Override
    public @Nullable Object fromPrefix(PrefixInput input, OptionSpec option, InteractionContext context) {
        String text = input.next();
        if (text == null) {
            return null;
        }
        Long id = MentionIds.id(MentionIds.CHANNEL, text);
        GuildChannel channel = (id != null) ? MentionIds.guild(option, context).getGuildChannelById(id) : null;
        if (channel == null) {
            throw option.unreadable(text, InteractionMessages.of("interaction.option.type.channel"));
        }
        return checked(channel, text, option);
    }

    private Object checked(GuildChannel channel, String text, OptionSpec option) {
        Set<ChannelType> types = types(option);
        if ((!types.isEmpty() && !types.contains(channel.getType())) || !option.type().isInstance(channel)) {
            throw option.unreadable(text, types.isEmpty() ? description(option.type())
                    : InteractionMessages.of("interaction.option.type.channel-of", typeNames(types)));
        }
        return channel;
    }

}
