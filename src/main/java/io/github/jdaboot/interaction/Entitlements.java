package io.github.jdaboot.interaction;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.jdaboot.interaction.annotation.RequiresEntitlement;
import net.dv8tion.jda.api.entities.Entitlement;

import org.springframework.util.function.SingletonSupplier;

/**
 * The entitlements of the user who acted, and of the server where they did: what they
 * bought of the application's premium offers (SKUs). An interaction carries them; for a
 * prefix command they come from the application's entitlements kept in memory, or, while
 * those are not whole, are looked up with a REST request the first time they are asked
 * for. Declare a parameter of this type on any handler, or ask
 * {@link InteractionContext#entitlements()}; {@link RequiresEntitlement
 *
 * @RequiresEntitlement} checks them before a handler runs.
 * <p>
 * Only active entitlements count: not deleted, not consumed, started and not yet ended.
 * {@link #consume(String)} uses up a consumable purchase (an SKU of type
 * {@code CONSUMABLE}), after which it no longer counts, here or in later runs.
 */
public final class Entitlements implements Iterable<Entitlement> {

    private final Supplier<List<Entitlement>> all;

    private final Set<Long> consumed = ConcurrentHashMap.newKeySet();

    private final Consumer<Entitlement> onConsumed;

    private Entitlements(Supplier<List<Entitlement>> all, Consumer<Entitlement> onConsumed) {
        this.all = all;
        this.onConsumed = onConsumed;
    }

    /** These entitlements (an interaction's). */
    public static Entitlements of(List<Entitlement> entitlements) {
        return of(entitlements, (entitlement) -> {
        });
    }

    /**
     * These entitlements, telling what is consumed of them to what keeps them.
     * @param onConsumed told of each entitlement {@link #consume(String)} used up
     */
    public static Entitlements of(List<Entitlement> entitlements, Consumer<Entitlement> onConsumed) {
        List<Entitlement> copy = List.copyOf(entitlements);
        return new Entitlements(() -> copy, onConsumed);
    }

    /**
     * Entitlements looked up when first asked for, once (a prefix command's).
     * @param lookup what finds them; may block, and may throw to fail the run
     */
    public static Entitlements lookedUp(Supplier<List<Entitlement>> lookup) {
        return lookedUp(lookup, (entitlement) -> {
        });
    }

    /**
     * Entitlements looked up when first asked for, once, telling what is consumed of them
     * to what keeps them.
     * @param lookup what finds them; may block, and may throw to fail the run
     * @param onConsumed told of each entitlement {@link #consume(String)} used up
     */
    public static Entitlements lookedUp(Supplier<List<Entitlement>> lookup, Consumer<Entitlement> onConsumed) {
        return new Entitlements(SingletonSupplier.of(() -> List.copyOf(lookup.get())), onConsumed);
    }

    /**
     * The active entitlements: not deleted, not consumed, started and not yet ended.
     */
    public List<Entitlement> active() {
        OffsetDateTime now = OffsetDateTime.now();
        return this.all.get().stream().filter((entitlement) -> isActive(entitlement, now)).toList();
    }

    /** Whether one of the active entitlements is to this SKU. */
    public boolean has(String skuId) {
        return find(skuId).isPresent();
    }

    /** Whether one of the active entitlements is to any of these SKUs. */
    public boolean hasAny(Collection<String> skuIds) {
        return active().stream().anyMatch((entitlement) -> skuIds.contains(entitlement.getSkuId()));
    }

    /** An active entitlement to this SKU, the user's own before the server's. */
    public Optional<Entitlement> find(String skuId) {
        List<Entitlement> toSku = active().stream()
            .filter((entitlement) -> entitlement.getSkuId().equals(skuId))
            .toList();
        return toSku.stream()
            .filter((entitlement) -> entitlement.getGuildIdLong() == 0)
            .findFirst()
            .or(() -> toSku.stream().findFirst());
    }

    /**
     * Uses up an active entitlement to a consumable SKU: Discord marks it consumed, and
     * the user may buy the SKU again. Waits for Discord's answer (a handler runs on its
     * own virtual thread, so it may).
     * @return whether there was one to consume; false when there was none
     * @throws net.dv8tion.jda.api.exceptions.ErrorResponseException when Discord refuses,
     * for instance because the SKU is not consumable (code 40018)
     */
    public boolean consume(String skuId) {
        Optional<Entitlement> entitlement = find(skuId);
        if (entitlement.isEmpty()) {
            return false;
        }
        entitlement.get().consume().complete();
        this.consumed.add(entitlement.get().getIdLong());
        this.onConsumed.accept(entitlement.get());
        return true;
    }

    @Override
    public Iterator<Entitlement> iterator() {
        return active().iterator();
    }

    private boolean isActive(Entitlement entitlement, OffsetDateTime now) {
        OffsetDateTime starts = entitlement.getTimeStarting();
        OffsetDateTime ends = entitlement.getTimeEnding();
        return !entitlement.isDeleted() && !entitlement.isConsumed() && !this.consumed.contains(entitlement.getIdLong())
                && (starts == null || !starts.isAfter(now)) && (ends == null || ends.isAfter(now));
    }

    @Override
    public String toString() {
        return "Entitlements" + active().stream().map(Entitlement::getSkuId).toList();
    }

}
