package io.github.jdaboot.interaction.guard;

import java.util.List;
import java.util.Optional;

import io.github.jdaboot.interaction.GuardedRun;
import io.github.jdaboot.interaction.InteractionGuard;
import io.github.jdaboot.interaction.Reply;
import io.github.jdaboot.interaction.annotation.RequiresEntitlement;
import io.github.jdaboot.interaction.entitlement.RequiredSkus;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.SkuSnowflake;

import org.springframework.core.Ordered;

/**
 * {@link RequiresEntitlement @RequiresEntitlement}: the handler runs only with an active
 * entitlement to one of its SKUs (the user's, or the server's). Anyone else is told so,
 * only visible to them, with Discord's premium button for the first SKU: Discord shows
 * its name and price and opens its purchase dialog. A bean, the first of the
 * application's guards.
 */
public class EntitlementGuard implements InteractionGuard, Ordered {

    private final RequiredSkus skus;

    private final InteractionMessages messages;

    public EntitlementGuard(RequiredSkus skus, InteractionMessages messages) {
        this.skus = skus;
        this.messages = messages;
    }

    @Override
    public Optional<String> check(GuardedRun run) {
        List<String> required = this.skus.of(run);
        if (required.isEmpty() || run.context().entitlements().hasAny(required)) {
            return Optional.empty();
        }
        return Optional.of(GuildOnlyGuard
            .capitalized(this.messages.get("interaction.guard.entitlement", run.context().locale(), run.name())));
    }

    /** The reason with the premium button of the first SKU the handler names. */
    @Override
    public Reply refusal(GuardedRun run, String reason) {
        return Reply.of(reason)
            .ephemeral()
            .withButtons(Button.premium(SkuSnowflake.fromId(this.skus.of(run).getFirst())));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

}
