package io.github.jdaboot.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the bot answers interactions, as Discord takes it: the callback, once and within 3
 * seconds (a message, deferred, a modal, an update of the message with the component,
 * autocomplete choices), then the interaction's webhook for 15 minutes: follow-ups, and
 * reading, editing and deleting the original response and the follow-ups (after an
 * update, the original is the message with the component).
 */
final class InteractionCallbacks {

    static final Duration CALLBACK_DEADLINE = Duration.ofSeconds(3);

    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    private static final RateLimits.Limit INTERACTION = new RateLimits.Limit(50, Duration.ofSeconds(1));

    private final EmulatorWorld world;

    private final Payloads payloads;

    private final Messaging messaging;

    InteractionCallbacks(EmulatorWorld world, Payloads payloads, Messaging messaging) {
        this.world = world;
        this.payloads = payloads;
        this.messaging = messaging;
    }

    void register(RestApi api) {
        api.route("POST", "interactions/{interaction_id}/{interaction_token}/callback", INTERACTION, false,
                this::callback);
        api.route("POST", "webhooks/{application_id}/{interaction_token}", INTERACTION, false, this::followUp);
        api.route("GET", "webhooks/{application_id}/{interaction_token}/messages/{message_id}", INTERACTION, false,
                (request, params) -> DiscordRoutes.ok(this.payloads.message(webhookMessage(params), false)));
        api.route("PATCH", "webhooks/{application_id}/{interaction_token}/messages/{message_id}", INTERACTION, false,
                this::editWebhookMessage);
        api.route("DELETE", "webhooks/{application_id}/{interaction_token}/messages/{message_id}", INTERACTION, false,
                (request, params) -> {
                    this.world.remove(webhookMessage(params));
                    return EmulatorResponse.noContent();
                });
    }

    private EmulatedInteraction interaction(Map<String, String> params) {
        EmulatedInteraction interaction = this.world.interactionByToken(params.get("interaction_token")).orElse(null);
        if (interaction == null || interaction.age().compareTo(TOKEN_LIFETIME) >= 0) {
            throw RestApi.DiscordError.unknown("Webhook", 10015);
        }
        return interaction;
    }

    /**
     * The bot's answer to an interaction, once and within 3 seconds: 4 a message, 5
     * deferred, 9 a modal (not for a modal submitted), and for a component (or a modal
     * opened from one) 6 deferred update and 7 update of the message with the component;
     * an autocomplete takes only 8, its choices. Discord refuses other types with 400,
     * naming the valid ones.
     */
    private EmulatorResponse callback(EmulatorRequest request, Map<String, String> params) {
        EmulatedInteraction interaction = this.world.interactionByToken(params.get("interaction_token")).orElse(null);
        if (interaction == null || DiscordRoutes.id(params, "interaction_id") != interaction.id()
                || interaction.age().compareTo(CALLBACK_DEADLINE) >= 0) {
            throw RestApi.DiscordError.unknown("interaction", 10062);
        }
        DiscordRoutes.Body body = DiscordRoutes.Body.of(request, this.world);
        int type = body.json().path("type").asInt(0);
        JsonNode data = body.json().path("data").isObject() ? body.json().path("data") : this.payloads.object();
        EmulatedMessage original = null;
        EmulatedModal modal = null;
        List<EmulatedInteraction.Choice> choices = List.of();
        synchronized (interaction) {
            if (interaction.callbackType() != 0) {
                throw new RestApi.DiscordError(400, 40060, "Interaction has already been acknowledged.");
            }
            List<Integer> allowed = callbackTypes(interaction);
            if (!allowed.contains(type)) {
                throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: type: Value must be one of "
                        + allowed.stream().map(String::valueOf).collect(Collectors.joining(", ", "{", "}")) + ".");
            }
            try {
                switch (type) {
                    case EmulatedInteraction.CHANNEL_MESSAGE ->
                        original = this.messaging.botSends(interaction.channel(), data, body.files(),
                                this.world.applicationId(), interaction.id(), 0);
                    case EmulatedInteraction.DEFERRED_CHANNEL_MESSAGE -> {
                        ObjectNode placeholder = this.payloads.object();
                        placeholder.put("content", "");
                        original = this.messaging.botSends(interaction.channel(), placeholder, List.of(),
                                this.world.applicationId(), interaction.id(), 128 | (data.path("flags").asInt(0) & 64));
                    }
                    case EmulatedInteraction.DEFERRED_UPDATE_MESSAGE -> original = clicked(interaction);
                    case EmulatedInteraction.UPDATE_MESSAGE ->
                        original = this.messaging.edit(clicked(interaction), data, body.files(), false);
                    case EmulatedInteraction.AUTOCOMPLETE_RESULT -> choices = choices(interaction, data);
                    default -> modal = EmulatedModal.of(Components.modal(data), interaction.id());
                }
            }
            catch (RestApi.DiscordError error) {
                throw error.under("data");
            }
            interaction.acknowledge(type, (original != null) ? original.id() : 0, modal, choices);
        }
        if (!request.queryParam("with_response").map(Boolean::parseBoolean).orElse(false)) {
            return EmulatorResponse.noContent();
        }
        ObjectNode response = this.payloads.object();
        ObjectNode about = response.putObject("interaction");
        about.put("id", Payloads.id(interaction.id()));
        about.put("type", interaction.type());
        if (original != null) {
            about.put("response_message_id", original.idString());
            about.put("response_message_loading", type == EmulatedInteraction.DEFERRED_CHANNEL_MESSAGE);
            about.put("response_message_ephemeral", original.isEphemeral());
        }
        if (type == EmulatedInteraction.CHANNEL_MESSAGE || type == EmulatedInteraction.UPDATE_MESSAGE) {
            // the spec has a resource for a message created or updated only
            ObjectNode resource = response.putObject("resource");
            resource.put("type", type);
            resource.set("message", this.payloads.message(original, false));
        }
        return DiscordRoutes.ok(response);
    }

    /** The callback types Discord accepts for the interaction. */
    private static List<Integer> callbackTypes(EmulatedInteraction interaction) {
        if (interaction.type() == EmulatedInteraction.APPLICATION_COMMAND_AUTOCOMPLETE) {
            return List.of(EmulatedInteraction.AUTOCOMPLETE_RESULT);
        }
        List<Integer> types = new ArrayList<>(
                List.of(EmulatedInteraction.CHANNEL_MESSAGE, EmulatedInteraction.DEFERRED_CHANNEL_MESSAGE));
        if (interaction.messageId() != 0) {
            types.addAll(List.of(EmulatedInteraction.DEFERRED_UPDATE_MESSAGE, EmulatedInteraction.UPDATE_MESSAGE));
        }
        if (interaction.type() != EmulatedInteraction.MODAL_SUBMIT) {
            types.add(EmulatedInteraction.MODAL);
        }
        return types;
    }

    /**
     * The choices of callback 8, checked as Discord checks them against the type of the
     * option being typed.
     */
    private static List<EmulatedInteraction.Choice> choices(EmulatedInteraction interaction, JsonNode data) {
        int type = focused(interaction.data().path("options")).path("type").asInt();
        FormErrors errors = new FormErrors();
        CommandValidator.choices(data.path("choices"), type, errors, "choices");
        errors.refuse();
        List<EmulatedInteraction.Choice> choices = new ArrayList<>();
        for (JsonNode choice : data.path("choices")) {
            JsonNode value = choice.path("value");
            choices.add(new EmulatedInteraction.Choice(choice.path("name").asString(), switch (type) {
                case CommandInput.INTEGER -> value.asLong();
                case CommandInput.NUMBER -> value.asDouble();
                default -> value.asString();
            }));
        }
        return choices;
    }

    private static JsonNode focused(JsonNode options) {
        for (JsonNode option : options) {
            JsonNode focused = option.path("focused").asBoolean(false) ? option : focused(option.path("options"));
            if (!focused.isMissingNode()) {
                return focused;
            }
        }
        return MissingNode.getInstance();
    }

    /** The message with the component the interaction came from. */
    private static EmulatedMessage clicked(EmulatedInteraction interaction) {
        return interaction.message().orElseThrow(() -> RestApi.DiscordError.unknown("Message", 10008));
    }

    private EmulatorResponse followUp(EmulatorRequest request, Map<String, String> params) {
        if (DiscordRoutes.id(params, "application_id") != this.world.applicationId()) {
            throw RestApi.DiscordError.unknown("Webhook", 10015);
        }
        EmulatedInteraction interaction = interaction(params);
        if (interaction.callbackType() == 0) {
            throw RestApi.DiscordError.unknown("Webhook", 10015);
        }
        DiscordRoutes.Body body = DiscordRoutes.Body.of(request, this.world);
        if (interaction.takeFirstFollowUpAfterDefer()) {
            EmulatedMessage original = this.world.message(interaction.originalMessageId()).orElseThrow();
            return DiscordRoutes
                .ok(this.payloads.message(this.messaging.edit(original, body.json(), body.files(), true), false));
        }
        int flags = body.json().path("flags").asInt(0) & 64;
        EmulatedMessage message = this.messaging.botSends(interaction.channel(), body.json(), body.files(),
                this.world.applicationId(), interaction.id(), flags);
        return DiscordRoutes.ok(this.payloads.message(message, false));
    }

    private EmulatedMessage webhookMessage(Map<String, String> params) {
        EmulatedInteraction interaction = interaction(params);
        String messageId = params.get("message_id");
        long id = "@original".equals(messageId) ? interaction.originalMessageId()
                : DiscordRoutes.id(params, "message_id");
        return this.world.message(id)
            .filter((message) -> message.interactionId() == interaction.id()
                    || message.id() == interaction.originalMessageId())
            .orElseThrow(() -> RestApi.DiscordError.unknown("Message", 10008));
    }

    private EmulatorResponse editWebhookMessage(EmulatorRequest request, Map<String, String> params) {
        EmulatedInteraction interaction = interaction(params);
        EmulatedMessage message = webhookMessage(params);
        DiscordRoutes.Body body = DiscordRoutes.Body.of(request, this.world);
        boolean original = message.id() == interaction.originalMessageId();
        if (original && interaction.isDeferred()) {
            interaction.takeFirstFollowUpAfterDefer();
        }
        return DiscordRoutes
            .ok(this.payloads.message(this.messaging.edit(message, body.json(), body.files(), original), false));
    }

}
