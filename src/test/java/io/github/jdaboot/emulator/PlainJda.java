package io.github.jdaboot.emulator;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A plain JDA 6.5 client (no Spring) against the emulator, for the JDA compatibility
 * tests of one class: the emulator starts before them, the test class logs JDA in with
 * its own listeners ({@link #login}, from its {@code @BeforeAll}, after it has set up the
 * world JDA should find), and both are shut down after the class's {@code @AfterAll}.
 *
 * <pre>{@code
 * &#64;RegisterExtension
 * static final PlainJda plainJda = PlainJda.withIntents(GatewayIntent.GUILD_MESSAGES);
 * }</pre>
 */
final class PlainJda implements BeforeAllCallback, AfterAllCallback {

    private final Set<GatewayIntent> intents;

    private @Nullable DiscordEmulator discord;

    private @Nullable JDA jda;

    private PlainJda(Set<GatewayIntent> intents) {
        this.intents = intents;
    }

    /** JDA with these gateway intents (none: only what needs no intent). */
    static PlainJda withIntents(GatewayIntent... intents) {
        EnumSet<GatewayIntent> set = EnumSet.noneOf(GatewayIntent.class);
        set.addAll(List.of(intents));
        return new PlainJda(set);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        this.discord = DiscordEmulator.builder().build().start();
    }

    /** The emulator; it runs while the tests of the class run. */
    DiscordEmulator discord() {
        if (this.discord == null) {
            throw new IllegalStateException("The emulator starts before the tests of the class; register PlainJda"
                    + " with @RegisterExtension on a static field");
        }
        return this.discord;
    }

    /** The emulator's world. */
    World world() {
        return discord().world();
    }

    /**
     * Logs a plain JDA in to the emulator, its REST and gateway URLs the emulator's, with
     * these event listeners, and waits until it is ready.
     * @param listeners JDA event listeners
     * @return the ready JDA, shut down after the tests of the class
     * @throws InterruptedException if interrupted while waiting for JDA to be ready
     */
    JDA login(Object... listeners) throws InterruptedException {
        DiscordEmulator discord = discord();
        String gatewayUrl = discord.gatewayUrl();
        JDA jda = JDABuilder.createLight(discord.token(), this.intents)
            .setRestConfig(new RestConfig().setBaseUrl(discord.restUrl()))
            .setSessionController(new ConcurrentSessionController() {

                @Override
                public String getGateway() {
                    return gatewayUrl;
                }

            })
            .addEventListeners(listeners)
            .build();
        this.jda = jda;
        return jda.awaitReady();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (this.jda != null) {
                this.jda.shutdownNow();
                this.jda.awaitShutdown(Timeouts.ANSWER);
            }
        }
        finally {
            if (this.discord != null) {
                this.discord.close();
            }
            this.jda = null;
            this.discord = null;
        }
    }

}
