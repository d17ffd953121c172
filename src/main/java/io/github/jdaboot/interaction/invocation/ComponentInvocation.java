package io.github.jdaboot.interaction.invocation;

import java.util.List;

import io.github.jdaboot.interaction.ComponentContext;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.HandlerMethod;
import net.dv8tion.jda.api.entities.ISnowflake;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.component.EntitySelectInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import org.jspecify.annotations.Nullable;

/**
 * A click on a button, or a choice in a select menu. When the handler is slow the click
 * is deferred without a visible change; an update then edits the message, a reply follows
 * up.
 */
public final class ComponentInvocation extends InteractionInvocation<GenericComponentInteractionCreateEvent>
        implements ComponentContext {

    private final String key;

    public ComponentInvocation(@Nullable HandlerMethod handler, String key,
            GenericComponentInteractionCreateEvent event, InvocationSupport support) {
        super(handler, event, support);
        this.key = key;
    }

    @Override
    public HandlerKind kind() {
        return HandlerKind.COMPONENT;
    }

    @Override
    public String displayName() {
        return isMenu() ? "this menu" : "this button";
    }

    @Override
    public String userName() {
        return text(isMenu() ? "interaction.name.menu" : "interaction.name.button");
    }

    private boolean isMenu() {
        return event() instanceof StringSelectInteractionEvent || event() instanceof EntitySelectInteractionEvent;
    }

    @Override
    public String key() {
        return this.key;
    }

    @Override
    public String customId() {
        return event().getComponentId();
    }

    @Override
    public List<String> values() {
        return switch (event()) {
            case StringSelectInteractionEvent select -> select.getValues();
            case EntitySelectInteractionEvent select -> select.getValues().stream().map(ISnowflake::getId).toList();
            default -> List.of();
        };
    }

    @Override
    public Message message() {
        return event().getMessage();
    }

}
