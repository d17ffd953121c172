package io.github.jdaboot.interaction;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.github.jdaboot.emulator.DefaultWorld;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.ComponentHandler;
import io.github.jdaboot.interaction.annotation.Field;
import io.github.jdaboot.interaction.annotation.ModalHandler;
import io.github.jdaboot.interaction.annotation.NonBlocking;
import io.github.jdaboot.interaction.annotation.RequiresEntitlement;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Entitlement;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.entitlement.GenericEntitlementEvent;

import org.springframework.context.event.EventListener;

/**
 * Premium handlers for the end-to-end tests, against the emulator's default SKUs: Idea
 * Pro ({@code idea.premium.sku}, which the idea feature uses too), Spotlight (consumable)
 * and Idea Club (a subscription). Tests that import it with the properties {@link #PRO}
 * and {@link #SPOTLIGHT} share one context.
 */
public class PremiumTestCommands {

    /** Idea Pro's SKU, for the idea feature and these handlers. */
    public static final String PRO = "idea.premium.sku=" + DefaultWorld.IDEA_PRO_SKU;

    /** The spotlight's SKU, for the idea feature. */
    public static final String SPOTLIGHT = "idea.premium.spotlight-sku=" + DefaultWorld.SPOTLIGHT_SKU;

    /** The entitlement events the bot received, in order. */
    final List<GenericEntitlementEvent> events = new CopyOnWriteArrayList<>();

    @Command(name = "pro", description = "Needs Idea Pro")
    @RequiresEntitlement(sku = "${idea.premium.sku}")
    String pro(User user) {
        return "pro for " + user.getName();
    }

    @Command(name = "club", description = "Needs Idea Club or Idea Pro")
    @RequiresEntitlement(sku = { DefaultWorld.IDEA_CLUB_SKU, "${idea.premium.sku}" })
    String club() {
        return "welcome to the club";
    }

    @Command(name = "propanel", description = "Shows a premium button and a premium form")
    Reply panel() {
        return Reply.of("panel").withButtons(Button.primary("pro:button", "Pro"), Button.secondary("pro:form", "Form"));
    }

    @ComponentHandler("pro:button")
    @RequiresEntitlement(sku = "${idea.premium.sku}")
    String button(User user) {
        return "button for " + user.getName();
    }

    @ComponentHandler("pro:form")
    Modal form() {
        return Modal.of("pro:wish", "A wish").withText("wish", "Your wish", Modal.Style.SHORT);
    }

    @ModalHandler("pro:wish")
    @RequiresEntitlement(sku = "${idea.premium.sku}")
    String wished(@Field("wish") String wish) {
        return "wished " + wish;
    }

    @Command(name = "coin", description = "Uses up a Spotlight")
    String coin(Entitlements entitlements) {
        return entitlements.consume(DefaultWorld.SPOTLIGHT_SKU) ? "coin used" : "no coin";
    }

    @Command(name = "mine", description = "Lists the SKUs one has")
    String mine(Entitlements entitlements) {
        String skus = entitlements.active()
            .stream()
            .map(Entitlement::getSkuId)
            .sorted()
            .collect(Collectors.joining(","));
        return skus.isEmpty() ? "none" : skus;
    }

    @NonBlocking
    @Command(name = "where", description = "Says where its run was")
    String where(Entitlements entitlements) {
        return (Thread.currentThread().isVirtual() ? "own thread" : "event thread") + ", "
                + entitlements.active().size() + " entitlement(s)";
    }

    @EventListener
    void entitlement(GenericEntitlementEvent event) {
        this.events.add(event);
    }

}
