package io.github.jdaboot.emulator;

import java.util.EnumSet;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each dispatch event knows the intent that gates it, in a guild and in a direct message,
 * as Discord documents them.
 */
@DisplayName("Gateway events and their intents")
class GatewayEventTests {

    private static final long GUILD = 1234L << 22;

    @Test
    @DisplayName("messages need GUILD_MESSAGES in a guild and DIRECT_MESSAGES in a DM")
    void messages() {
        assertThat(GatewayEvent.MESSAGE_CREATE.intent(GUILD)).isEqualTo(Intent.GUILD_MESSAGES);
        assertThat(GatewayEvent.MESSAGE_CREATE.intent(0)).isEqualTo(Intent.DIRECT_MESSAGES);
        long guildOnly = Intent.bits(EnumSet.of(Intent.GUILDS, Intent.GUILD_MESSAGES));
        assertThat(GatewayEvent.MESSAGE_CREATE.reaches(guildOnly, GUILD)).isTrue();
        assertThat(GatewayEvent.MESSAGE_CREATE.reaches(guildOnly, 0)).isFalse();
        assertThat(GatewayEvent.TYPING_START.intent(0)).isEqualTo(Intent.DIRECT_MESSAGE_TYPING);
        assertThat(GatewayEvent.MESSAGE_REACTION_ADD.intent(GUILD)).isEqualTo(Intent.GUILD_MESSAGE_REACTIONS);
    }

    @Test
    @DisplayName("READY, RESUMED and INTERACTION_CREATE reach every session; guild events need GUILDS")
    void ungatedAndGuildEvents() {
        for (GatewayEvent event : EnumSet.of(GatewayEvent.READY, GatewayEvent.RESUMED,
                GatewayEvent.INTERACTION_CREATE)) {
            assertThat(event.reaches(0, GUILD)).as(event.name()).isTrue();
            assertThat(event.reaches(0, 0)).as(event.name()).isTrue();
        }
        assertThat(GatewayEvent.GUILD_CREATE.reaches(Intent.GUILD_MESSAGES.bit(), GUILD)).isFalse();
        assertThat(GatewayEvent.GUILD_CREATE.reaches(Intent.GUILDS.bit(), GUILD)).isTrue();
        assertThat(GatewayEvent.GUILD_MEMBER_UPDATE.intent(GUILD)).isEqualTo(Intent.GUILD_MEMBERS);
    }

    @Test
    @DisplayName("a guild-only event outside a guild is a mistake in the emulator, not a silent drop")
    void guildOnlyOutsideAGuild() {
        assertThatIllegalArgumentException().isThrownBy(() -> GatewayEvent.GUILD_CREATE.intent(0))
            .withMessageContaining("GUILD_CREATE happens only in guilds");
    }

    @Test
    @DisplayName("the privileged intents are GUILD_MEMBERS, GUILD_PRESENCES and MESSAGE_CONTENT")
    void privileged() {
        assertThat(Intent.privileged()).containsExactlyInAnyOrder(Intent.GUILD_MEMBERS, Intent.GUILD_PRESENCES,
                Intent.MESSAGE_CONTENT);
        assertThat(Gateway.PRIVILEGED_INTENTS).isEqualTo((1L << 1) | (1L << 8) | (1L << 15));
    }

}
