package io.github.jdaboot.interaction.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.localization.LocalizationFunction;

import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.StringUtils;

/**
 * Command names, descriptions and choices in other languages, from Spring's
 * {@link MessageSource}: for each language with a bundle of messages
 * ({@code messages_de.properties} for German), the text under {@code command.} and JDA's
 * key for it ({@code command.idea.name}, {@code command.idea.description},
 * {@code command.idea.options.topic.name}, {@code command.tag.add.description},
 * {@code command.idea_from_this_message.name} for a context command). JDA adds them as
 * Discord's {@code name_localizations} and {@code description_localizations}; a text that
 * is the same as the default one is left out.
 */
public final class CommandLocalization implements LocalizationFunction {

    static final String PREFIX = "command.";

    private final MessageSource messages;

    private final List<DiscordLocale> locales;

    public CommandLocalization(MessageSource messages, List<DiscordLocale> locales) {
        this.messages = messages;
        this.locales = List.copyOf(locales);
    }

    /**
     * The Discord languages with a bundle of messages on the class path.
     * @param basenames the bundles' base names, as {@code spring.messages.basename} gives
     * them
     */
    public static List<DiscordLocale> bundled(ResourcePatternResolver resources, String basenames) {
        Set<DiscordLocale> found = new LinkedHashSet<>();
        for (String basename : StringUtils.commaDelimitedListToStringArray(basenames)) {
            String base = basename.strip().replace('.', '/');
            try {
                for (Resource bundle : resources.getResources("classpath*:" + base + "_*.properties")) {
                    String name = bundle.getFilename();
                    if (name == null) {
                        continue;
                    }
                    String tag = name.substring(base.substring(base.lastIndexOf('/') + 1).length() + 1,
                            name.length() - ".properties".length());
                    DiscordLocale locale = DiscordLocale.from(Locale.forLanguageTag(tag.replace('_', '-')));
                    if (locale != DiscordLocale.UNKNOWN) {
                        found.add(locale);
                    }
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return List.copyOf(found);
    }

    @Override
    public Map<DiscordLocale, String> apply(String key) {
        Map<DiscordLocale, String> localized = new LinkedHashMap<>();
        String fallback = this.messages.getMessage(PREFIX + key, null, null, Locale.ROOT);
        for (DiscordLocale locale : this.locales) {
            String text = this.messages.getMessage(PREFIX + key, null, null, locale.toLocale());
            if (text != null && !text.equals(fallback)) {
                localized.put(locale, text);
            }
        }
        return localized;
    }

    List<DiscordLocale> locales() {
        return this.locales;
    }

}
