package io.github.jdaboot.discord;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Keeps the bot token out of the {@code env} and {@code configprops} endpoints even when someone
 * exposes them with values shown: any key that names a token, and any value that contains the token
 * (a command line with {@code --discord.token=...}, say), is masked.
 */
class DiscordTokenSanitizer implements SanitizingFunction {

    private final String token;

    DiscordTokenSanitizer(String token) {
        this.token = token;
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        if (data.getLowerCaseKey().contains("token")) {
            return data.withSanitizedValue();
        }
        Object value = data.getValue();
        if (value != null && String.valueOf(value).contains(this.token)) {
            return data.withSanitizedValue();
        }
        return data;
    }

    @Override
    public String toString() {
        return "DiscordTokenSanitizer[token=******]";
    }
}
