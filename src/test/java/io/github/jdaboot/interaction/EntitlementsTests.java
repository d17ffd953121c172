package io.github.jdaboot.interaction;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import net.dv8tion.jda.api.entities.Entitlement;
import net.dv8tion.jda.api.requests.RestAction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Which entitlements count, and the lookup of a prefix command's: pure logic over JDA's
 * {@link Entitlement} values.
 */
@DisplayName("Entitlements of a run")
class EntitlementsTests {

    private static final OffsetDateTime NOW = OffsetDateTime.now();

    @Test
    @DisplayName("only active ones count: not deleted, not consumed, started and not ended")
    void active() {
        Entitlements entitlements = Entitlements
            .of(List.of(entitlement(1, "100", 0), entitlement(2, "200", 0).deleted(),
                    entitlement(3, "300", 0).consumed(), entitlement(4, "400", 0).between(NOW.plusDays(1), null),
                    entitlement(5, "500", 0).between(NOW.minusDays(30), NOW.minusDays(1)),
                    entitlement(6, "600", 0).between(NOW.minusDays(1), NOW.plusDays(1))));
        assertThat(entitlements.active()).extracting(Entitlement::getSkuId).containsExactly("100", "600");
        assertThat(entitlements).extracting(Entitlement::getSkuId).containsExactly("100", "600");
        assertThat(entitlements.has("100")).isTrue();
        assertThat(entitlements.has("200")).isFalse();
        assertThat(entitlements.has("300")).isFalse();
        assertThat(entitlements.has("400")).isFalse();
        assertThat(entitlements.has("500")).isFalse();
        assertThat(entitlements.hasAny(List.of("300", "600"))).isTrue();
        assertThat(entitlements.hasAny(List.of("200", "300"))).isFalse();
    }

    @Test
    @DisplayName("the user's own entitlement is found before the server's")
    void userBeforeGuild() {
        Entitlements entitlements = Entitlements.of(List.of(entitlement(1, "100", 77), entitlement(2, "100", 0)));
        assertThat(entitlements.find("100")).get().extracting(Entitlement::getIdLong).isEqualTo(2L);
        assertThat(Entitlements.of(List.of(entitlement(1, "100", 77))).find("100")).isPresent();
        assertThat(entitlements.find("999")).isEmpty();
    }

    @Test
    @DisplayName("nothing to consume: false, and nothing sent")
    void consumeNothing() {
        assertThat(Entitlements.of(List.of(entitlement(1, "100", 0).consumed())).consume("100")).isFalse();
    }

    @Test
    @DisplayName("looked up once, on first use; a failed lookup is tried again")
    void lookedUpOnce() {
        AtomicInteger lookups = new AtomicInteger();
        Entitlements entitlements = Entitlements.lookedUp(() -> {
            if (lookups.incrementAndGet() == 1) {
                throw new IllegalStateException("Discord is down");
            }
            return List.of(entitlement(1, "100", 0));
        });
        assertThat(lookups).hasValue(0);
        assertThatIllegalStateException().isThrownBy(() -> entitlements.has("100"));
        assertThat(entitlements.has("100")).isTrue();
        assertThat(entitlements.has("200")).isFalse();
        assertThat(entitlements.active()).hasSize(1);
        assertThat(lookups).hasValue(2);
    }

    static TestEntitlement entitlement(long id, String sku, long guild) {
        return new TestEntitlement(id, Long.parseLong(sku), guild, false, false, null, null);
    }

    /** An entitlement as JDA reads it from Discord's JSON. */
    record TestEntitlement(long id, long sku, long guild, boolean isDeleted, boolean isConsumed,
            @Nullable OffsetDateTime starts, @Nullable OffsetDateTime ends) implements Entitlement {

        TestEntitlement deleted() {
            return new TestEntitlement(this.id, this.sku, this.guild, true, this.isConsumed, this.starts, this.ends);
        }

        TestEntitlement consumed() {
            return new TestEntitlement(this.id, this.sku, this.guild, this.isDeleted, true, this.starts, this.ends);
        }

        TestEntitlement between(@Nullable OffsetDateTime from, @Nullable OffsetDateTime to) {
            return new TestEntitlement(this.id, this.sku, this.guild, this.isDeleted, this.isConsumed, from, to);
        }

        @Override
        public long getIdLong() {
            return this.id;
        }

        @Override
        public long getSkuIdLong() {
            return this.sku;
        }

        @Override
        public long getApplicationIdLong() {
            return 1;
        }

        @Override
        public long getUserIdLong() {
            return 2;
        }

        @Override
        public long getGuildIdLong() {
            return this.guild;
        }

        @Override
        public EntitlementType getType() {
            return EntitlementType.PURCHASE;
        }

        @Override
        public @Nullable OffsetDateTime getTimeStarting() {
            return this.starts;
        }

        @Override
        public @Nullable OffsetDateTime getTimeEnding() {
            return this.ends;
        }

        @Override
        public RestAction<Void> consume() {
            throw new UnsupportedOperationException("consumed over the wire in the end-to-end tests");
        }

    }

}
