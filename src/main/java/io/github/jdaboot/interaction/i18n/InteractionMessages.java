package io.github.jdaboot.interaction.i18n;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The texts the framework sends users (the polite answers when nothing handles an event,
 * refusals, apologies, help), in the user's language. Each text is looked up in the
 * application's {@link MessageSource} first, then in the framework's own bundle
 * ({@value #BASENAME}{@code .properties}, in English and German): an application changes
 * any of them by defining its key in its own {@code messages.properties} (or
 * {@code messages_de.properties} for German only).
 */
public class InteractionMessages {

    /** The framework's bundle, on the class path. */
    public static final String BASENAME = "io/github/jdaboot/interaction/i18n/messages";

    private final FrameworkMessageSource source;

    /**
     * The framework's texts behind the application's.
     * @param application the application's message source, asked first
     */
    public InteractionMessages(MessageSource application) {
        this.source = new FrameworkMessageSource(application);
    }

    /** A text in a language, with its arguments (texts of their own are resolved too). */
    public String get(String code, Locale locale, @Nullable Object... arguments) {
        return this.source.getMessage(code, arguments, locale);
    }

    /** A text in a language (an exception's, a refusal's), with its arguments. */
    public String get(MessageSourceResolvable message, Locale locale) {
        return this.source.getMessage(message, locale);
    }

    /**
     * The application's messages and then the framework's, as one {@link MessageSource}
     * (what the command localization reads).
     */
    public MessageSource getMessageSource() {
        return this.source;
    }

    /** A text to be looked up later, in the language of whoever reads it. */
    public static MessageSourceResolvable of(String code, @Nullable Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] { code }, arguments);
    }

    /**
     * The framework's bundle, asked after the application's messages. The application's
     * texts are formatted by its own source; their arguments by this one, so that an
     * argument that is a text of the framework's is found.
     */
    private static final class FrameworkMessageSource extends ResourceBundleMessageSource {

        private final MessageSource application;

        FrameworkMessageSource(MessageSource application) {
            this.application = application;
            setBasename(BASENAME);
            setDefaultEncoding(StandardCharsets.UTF_8.name());
            setFallbackToSystemLocale(false);
        }

        @Override
        protected @Nullable String getMessageInternal(@Nullable String code, @Nullable Object[] args,
                @Nullable Locale locale) {
            if (code != null && locale != null) {
                String own = this.application.getMessage(code, resolveArguments(args, locale), null, locale);
                if (own != null) {
                    return own;
                }
            }
            return super.getMessageInternal(code, args, locale);
        }

    }

}
