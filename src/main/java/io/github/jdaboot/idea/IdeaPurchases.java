package io.github.jdaboot.idea;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.dv8tion.jda.api.entities.Entitlement;
import net.dv8tion.jda.api.events.entitlement.EntitlementCreateEvent;
import net.dv8tion.jda.api.events.entitlement.EntitlementDeleteEvent;
import net.dv8tion.jda.api.events.entitlement.EntitlementUpdateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What Discord reports of the idea's premium offers, from its entitlement events: each
 * purchase counted ({@code idea.purchases}, by offer: {@code pro}, {@code spotlight} or
 * {@code other}) and logged, as are refunds and subscriptions that end.
 */
@Component
class IdeaPurchases {

    private static final Logger log = LoggerFactory.getLogger(IdeaPurchases.class);

    private final Map<String, String> offers;

    private final MeterRegistry registry;

    IdeaPurchases(IdeaProperties properties, MeterRegistry registry) {
        IdeaProperties.Premium premium = properties.getPremium();
        this.offers = new HashMap<>();
        if (premium.getSku() != null && !premium.getSku().isBlank()) {
            this.offers.put(premium.getSku().strip(), "pro");
        }
        if (premium.getSpotlightSku() != null && !premium.getSpotlightSku().isBlank()) {
            this.offers.put(premium.getSpotlightSku().strip(), "spotlight");
        }
        this.registry = registry;
    }

    @EventListener
    void bought(EntitlementCreateEvent event) {
        Entitlement entitlement = event.getEntitlement();
        String offer = offer(entitlement);
        purchases(offer).increment();
        log.info("User {} bought {} (SKU {})", entitlement.getUserId(), offer, entitlement.getSkuId());
    }

    @EventListener
    void ended(EntitlementUpdateEvent event) {
        Entitlement entitlement = event.getEntitlement();
        log.info("{} of user {} ends at {}", offer(entitlement), entitlement.getUserId(), entitlement.getTimeEnding());
    }

    @EventListener
    void refunded(EntitlementDeleteEvent event) {
        Entitlement entitlement = event.getEntitlement();
        log.info("{} of user {} was taken back (refunded, or a test entitlement deleted)", offer(entitlement),
                entitlement.getUserId());
    }

    /** The purchases of an offer so far. */
    Counter purchases(String offer) {
        return Counter.builder("idea.purchases")
            .description("Purchases of the idea's premium offers")
            .tag("offer", offer)
            .register(this.registry);
    }

    private String offer(Entitlement entitlement) {
        return this.offers.getOrDefault(entitlement.getSkuId(), "other");
    }

}
