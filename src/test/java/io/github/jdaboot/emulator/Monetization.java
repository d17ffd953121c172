package io.github.jdaboot.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The application's SKUs and its users' entitlements, and their REST routes: list the
 * SKUs; list, read, create and delete (test) entitlements; consume one. Purchases made on
 * the emulator's side ({@code World.Acting#buys}, the chat page) and every change
 * dispatch ENTITLEMENT_CREATE, ENTITLEMENT_UPDATE (a subscription that ends) and
 * ENTITLEMENT_DELETE (a refund, a test entitlement deleted) to shard 0, as Discord sends
 * events that belong to no guild. Interactions carry the active entitlements of the user
 * and of the guild ({@link #forInteraction}).
 * <p>
 * As Discord documents: a consumable can be bought again only once it is consumed, and
 * only a consumable can be (code 40018); only a test entitlement can be deleted through
 * the API (40019); a second test entitlement to an SKU the owner has is refused (40074);
 * unknown ones are 10027 Unknown SKU and 10029 Unknown entitlement. Consuming a consumed
 * entitlement again answers 204 as the first time (Discord does not document it).
 */
final class Monetization {

    /** How long a subscription bought in the emulator runs. */
    static final Duration SUBSCRIPTION_PERIOD = Duration.ofDays(30);

    private final EmulatorWorld world;

    private final Payloads payloads;

    private final Gateway gateway;

    private final List<EmulatedSku> skus = new CopyOnWriteArrayList<>();

    private final Map<Long, EmulatedEntitlement> entitlements = new ConcurrentHashMap<>();

    Monetization(EmulatorWorld world, Payloads payloads, Gateway gateway) {
        this.world = world;
        this.payloads = payloads;
        this.gateway = gateway;
    }

    void register(RestApi api) {
        RateLimits.Limit limit = DiscordRoutes.DEFAULT;
        api.route("GET", "applications/{application_id}/skus", limit, true, (request, params) -> {
            application(params);
            ArrayNode skus = this.payloads.array();
            this.skus.forEach((sku) -> skus.add(sku(sku)));
            return DiscordRoutes.ok(skus);
        });
        api.route("GET", "applications/{application_id}/entitlements", limit, true, (request, params) -> {
            application(params);
            return DiscordRoutes.ok(list(request));
        });
        api.route("POST", "applications/{application_id}/entitlements", limit, true, (request, params) -> {
            application(params);
            return DiscordRoutes.ok(entitlement(createTest(DiscordRoutes.json(request.bodyText(), this.world))));
        });
        api.route("GET", "applications/{application_id}/entitlements/{entitlement_id}", limit, true,
                (request, params) -> {
                    application(params);
                    return DiscordRoutes.ok(entitlement(entitlement(params)));
                });
        api.route("DELETE", "applications/{application_id}/entitlements/{entitlement_id}", limit, true,
                (request, params) -> {
                    application(params);
                    EmulatedEntitlement entitlement = entitlement(params);
                    if (!entitlement.test()) {
                        throw new RestApi.DiscordError(403, 40019, "You can only delete sandbox entitlements.");
                    }
                    revoke(entitlement);
                    return EmulatorResponse.noContent();
                });
        api.route("POST", "applications/{application_id}/entitlements/{entitlement_id}/consume", limit, true,
                (request, params) -> {
                    application(params);
                    consume(entitlement(params));
                    return EmulatorResponse.noContent();
                });
    }

    /**
     * Adds an SKU, available for purchase; a subscription comes with the group Discord
     * makes for it (same name, type 6), listed first as Discord lists them.
     * @param type one of {@link EmulatedSku}'s types
     * @param flags {@link EmulatedSku#GUILD_SUBSCRIPTION} or
     * {@link EmulatedSku#USER_SUBSCRIPTION} for a subscription, else 0
     */
    EmulatedSku addSku(String name, int type, int flags, String price) {
        long group = (type == EmulatedSku.SUBSCRIPTION) ? this.world.nextId() : 0;
        return addSku(this.world.nextId(), group, name, type, flags, price);
    }

    /**
     * As above, with given ids.
     * @param groupId the id of a subscription's group; ignored for other SKUs
     */
    EmulatedSku addSku(long id, long groupId, String name, int type, int flags, String price) {
        if (sku(id).isPresent() || (type == EmulatedSku.SUBSCRIPTION && sku(groupId).isPresent())) {
            throw new IllegalArgumentException("There is an SKU with id " + id + " already");
        }
        if (!List.of(EmulatedSku.DURABLE, EmulatedSku.CONSUMABLE, EmulatedSku.SUBSCRIPTION).contains(type)) {
            throw new IllegalArgumentException("An SKU is durable (2), consumable (3) or a subscription (5), not "
                    + type + "; Discord makes the groups of subscriptions itself");
        }
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (type == EmulatedSku.SUBSCRIPTION) {
            this.skus.add(new EmulatedSku(groupId, EmulatedSku.SUBSCRIPTION_GROUP, name, slug,
                    flags | EmulatedSku.AVAILABLE, price));
        }
        EmulatedSku sku = new EmulatedSku(id, type, name, slug, flags | EmulatedSku.AVAILABLE, price);
        this.skus.add(sku);
        return sku;
    }

    List<EmulatedSku> skus() {
        return List.copyOf(this.skus);
    }

    Optional<EmulatedSku> sku(long id) {
        return this.skus.stream().filter((sku) -> sku.id() == id).findFirst();
    }

    /** Every entitlement, deleted and ended ones too, oldest first. */
    List<EmulatedEntitlement> entitlements() {
        return this.entitlements.values().stream().sorted(Comparator.comparingLong(EmulatedEntitlement::id)).toList();
    }

    Optional<EmulatedEntitlement> entitlement(long id) {
        return Optional.ofNullable(this.entitlements.get(id));
    }

    /**
     * A user buys an SKU, as through Discord's purchase dialog: a one-time purchase (type
     * 1) or a subscription (type 8, running {@link #SUBSCRIPTION_PERIOD}; a guild
     * subscription is for the guild). Refused, as Discord refuses the purchase, for an
     * SKU the user already has (a consumable: until it is consumed) and for a
     * subscription's group.
     * @param guild where it is bought: the guild a guild subscription is for; else null
     */
    EmulatedEntitlement buys(EmulatedUser user, EmulatedSku sku, @Nullable EmulatedGuild guild) {
        if (sku.type() == EmulatedSku.SUBSCRIPTION_GROUP) {
            throw new IllegalArgumentException("SKU " + sku.name() + " (" + sku.idString()
                    + ") is a subscription's group, which nobody buys: buy the subscription");
        }
        long guildId = 0;
        if (sku.isForGuilds()) {
            if (guild == null) {
                throw new IllegalArgumentException(sku.name() + " is a guild subscription: buy it in a guild");
            }
            guildId = guild.id();
        }
        Instant now = this.world.now();
        synchronized (this) {
            long forGuild = guildId;
            if (active(now).anyMatch((held) -> held.skuId() == sku.id()
                    && ((forGuild != 0) ? held.guildId() == forGuild : held.userId() == user.id()))) {
                throw new IllegalStateException(user.username() + " already has " + sku.name() + (sku.isConsumable()
                        ? ", not yet consumed: Discord sells a consumable again once the app" + " consumed it" : ""));
            }
            boolean subscription = sku.isSubscription();
            return created(new EmulatedEntitlement(this.world.nextId(), sku.id(), user.id(), guildId,
                    subscription ? EmulatedEntitlement.APPLICATION_SUBSCRIPTION : EmulatedEntitlement.PURCHASE, false,
                    false, now, subscription ? now.plus(SUBSCRIPTION_PERIOD) : null, false));
        }
    }

    /** Takes an entitlement back, as a refund does: deleted, ENTITLEMENT_DELETE. */
    EmulatedEntitlement revoke(EmulatedEntitlement entitlement) {
        EmulatedEntitlement deleted = current(entitlement).asDeleted();
        this.entitlements.put(deleted.id(), deleted);
        dispatch(GatewayEvent.ENTITLEMENT_DELETE, deleted);
        return deleted;
    }

    /** A subscription ends now, as when it is cancelled: ENTITLEMENT_UPDATE. */
    EmulatedEntitlement end(EmulatedEntitlement entitlement) {
        EmulatedEntitlement ended = current(entitlement).endingAt(this.world.now());
        this.entitlements.put(ended.id(), ended);
        dispatch(GatewayEvent.ENTITLEMENT_UPDATE, ended);
        return ended;
    }

    /**
     * The active entitlements an interaction of the user carries: the user's own, and the
     * guild's (0: none) ones.
     */
    List<EmulatedEntitlement> forInteraction(EmulatedUser user, long guildId) {
        return active(this.world.now())
            .filter((entitlement) -> (entitlement.guildId() == 0 && entitlement.userId() == user.id())
                    || (guildId != 0 && entitlement.guildId() == guildId))
            .toList();
    }

    /**
     * Refuses a message whose premium button (style 6) names an SKU the application does
     * not have, with Discord's 50057 Invalid SKU.
     */
    void checkPremiumButtons(List<JsonNode> components) {
        for (JsonNode component : components) {
            if (component.path("type").asInt() == Components.BUTTON && component.path("style").asInt() == 6
                    && skus().stream().noneMatch((sku) -> sku.idString().equals(component.path("sku_id").asString()))) {
                throw new RestApi.DiscordError(400, 50057,
                        "Invalid SKU: " + component.path("sku_id").asString() + " is not an SKU of the application");
            }
            // a row's buttons, and in a layout a container's children and a section's
            // accessory
            List<JsonNode> children = new ArrayList<>(component.path("components").valueStream().toList());
            if (component.has("accessory")) {
                children.add(component.path("accessory"));
            }
            checkPremiumButtons(children);
        }
    }

    /** An entitlement as Discord's JSON: the {@code EntitlementResponse} of the spec. */
    ObjectNode entitlement(EmulatedEntitlement entitlement) {
        ObjectNode json = this.payloads.object();
        json.put("id", entitlement.idString());
        json.put("sku_id", Payloads.id(entitlement.skuId()));
        json.put("application_id", Payloads.id(this.world.applicationId()));
        json.put("user_id", Payloads.id(entitlement.userId()));
        json.put("guild_id", (entitlement.guildId() != 0) ? Payloads.id(entitlement.guildId()) : null);
        json.put("type", entitlement.type());
        json.put("deleted", entitlement.deleted());
        json.put("consumed", entitlement.consumed());
        json.put("starts_at", (entitlement.startsAt() != null) ? Payloads.timestamp(entitlement.startsAt()) : null);
        json.put("ends_at", (entitlement.endsAt() != null) ? Payloads.timestamp(entitlement.endsAt()) : null);
        return json;
    }

    /** An SKU as Discord's JSON, with the fields its documentation shows. */
    ObjectNode sku(EmulatedSku sku) {
        ObjectNode json = this.payloads.object();
        json.put("id", sku.idString());
        json.put("type", sku.type());
        json.putNull("dependent_sku_id");
        json.put("application_id", Payloads.id(this.world.applicationId()));
        json.putNull("manifest_labels");
        json.put("access_type", 1);
        json.put("name", sku.name());
        json.putArray("features");
        json.putNull("release_date");
        json.put("premium", false);
        json.put("slug", sku.slug());
        json.put("flags", sku.flags());
        json.put("show_age_gate", false);
        return json;
    }

    /**
     * {@code GET /applications/{id}/entitlements}: filtered by {@code user_id},
     * {@code guild_id} and {@code sku_ids}; ended ones only without
     * {@code exclude_ended=true}, deleted ones only with {@code exclude_deleted=false};
     * paged by id as Discord pages messages: {@code after} oldest first, else newest
     * first, {@code before} an id; {@code limit} 1-100 (100).
     */
    private ArrayNode list(EmulatorRequest request) {
        long userId = query(request, "user_id");
        long guildId = query(request, "guild_id");
        List<Long> skuIds = request.queryParam("sku_ids")
            .map((ids) -> Arrays.stream(ids.split(",")).map(String::strip).map(Monetization::snowflake).toList())
            .orElse(List.of());
        boolean excludeEnded = request.queryParam("exclude_ended").map(Boolean::parseBoolean).orElse(false);
        boolean excludeDeleted = request.queryParam("exclude_deleted").map(Boolean::parseBoolean).orElse(true);
        int limit = request.queryParam("limit").map(Integer::parseInt).orElse(100);
        if (limit < 1 || limit > 100) {
            throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: limit must be between 1 and 100");
        }
        long after = query(request, "after");
        long before = query(request, "before");
        Instant now = this.world.now();
        List<EmulatedEntitlement> found = new ArrayList<>(entitlements().stream()
            .filter((entitlement) -> userId == 0 || entitlement.userId() == userId)
            .filter((entitlement) -> guildId == 0 || entitlement.guildId() == guildId)
            .filter((entitlement) -> skuIds.isEmpty() || skuIds.contains(entitlement.skuId()))
            .filter((entitlement) -> !excludeEnded || entitlement.endsAt() == null || entitlement.endsAt().isAfter(now))
            .filter((entitlement) -> !excludeDeleted || !entitlement.deleted())
            .filter((entitlement) -> after == 0 || Long.compareUnsigned(entitlement.id(), after) > 0)
            .filter((entitlement) -> before == 0 || Long.compareUnsigned(entitlement.id(), before) < 0)
            .toList());
        if (request.queryParam("after").isEmpty()) {
            found = found.reversed();
        }
        ArrayNode json = this.payloads.array();
        found.stream().limit(limit).forEach((entitlement) -> json.add(entitlement(entitlement)));
        return json;
    }

    /**
     * {@code POST /applications/{id}/entitlements}: a test entitlement to an SKU for a
     * guild ({@code owner_type} 1) or a user (2), valid for good (no start, no end).
     */
    private EmulatedEntitlement createTest(JsonNode body) {
        FormErrors errors = new FormErrors();
        for (String field : List.of("sku_id", "owner_id", "owner_type")) {
            if (!body.hasNonNull(field)) {
                errors.add(field, "BASE_TYPE_REQUIRED", "This field is required");
            }
        }
        int ownerType = body.path("owner_type").asInt(0);
        if (body.hasNonNull("owner_type") && ownerType != 1 && ownerType != 2) {
            errors.add("owner_type", "BASE_TYPE_CHOICES", "Value must be one of {1, 2}.");
        }
        errors.refuse();
        EmulatedSku sku = sku(snowflake(body.path("sku_id").asString("")))
            .orElseThrow(() -> RestApi.DiscordError.unknown("SKU", 10027));
        long ownerId = snowflake(body.path("owner_id").asString(""));
        long userId;
        long guildId;
        if (ownerType == 1) {
            EmulatedGuild guild = this.world.guild(ownerId)
                .orElseThrow(() -> RestApi.DiscordError.unknown("Guild", 10004));
            guildId = guild.id();
            userId = guild.ownerId();
        }
        else {
            userId = this.world.user(ownerId).orElseThrow(() -> RestApi.DiscordError.unknown("User", 10013)).id();
            guildId = 0;
        }
        synchronized (this) {
            if (active(this.world.now()).anyMatch((held) -> held.skuId() == sku.id()
                    && ((guildId != 0) ? held.guildId() == guildId : held.guildId() == 0 && held.userId() == userId))) {
                throw new RestApi.DiscordError(400, 40074, "An entitlement has already been granted for this resource");
            }
            return created(new EmulatedEntitlement(this.world.nextId(), sku.id(), userId, guildId,
                    EmulatedEntitlement.APPLICATION_SUBSCRIPTION, false, false, null, null, true));
        }
    }

    private void consume(EmulatedEntitlement entitlement) {
        EmulatedSku sku = sku(entitlement.skuId()).orElseThrow(() -> RestApi.DiscordError.unknown("SKU", 10027));
        if (!sku.isConsumable()) {
            throw new RestApi.DiscordError(400, 40018, "Only consumable SKUs can be consumed");
        }
        EmulatedEntitlement consumed = current(entitlement).asConsumed();
        this.entitlements.put(consumed.id(), consumed);
        this.world.changed();
    }

    private EmulatedEntitlement created(EmulatedEntitlement entitlement) {
        this.entitlements.put(entitlement.id(), entitlement);
        dispatch(GatewayEvent.ENTITLEMENT_CREATE, entitlement);
        return entitlement;
    }

    private void dispatch(GatewayEvent event, EmulatedEntitlement entitlement) {
        this.world.changed();
        this.gateway.dispatch(event, 0, () -> entitlement(entitlement).toString());
    }

    private Stream<EmulatedEntitlement> active(Instant now) {
        return this.entitlements.values().stream().filter((entitlement) -> entitlement.isActive(now));
    }

    private EmulatedEntitlement current(EmulatedEntitlement entitlement) {
        return entitlement(entitlement.id())
            .orElseThrow(() -> new IllegalArgumentException("Unknown entitlement " + entitlement.idString()));
    }

    private EmulatedEntitlement entitlement(Map<String, String> params) {
        return entitlement(DiscordRoutes.id(params, "entitlement_id"))
            .orElseThrow(() -> RestApi.DiscordError.unknown("Entitlement", 10029));
    }

    private void application(Map<String, String> params) {
        if (DiscordRoutes.id(params, "application_id") != this.world.applicationId()) {
            throw RestApi.DiscordError.unknown("Application", 10002);
        }
    }

    private static long query(EmulatorRequest request, String name) {
        return request.queryParam(name).map(Monetization::snowflake).orElse(0L);
    }

    private static long snowflake(String value) {
        try {
            return Long.parseUnsignedLong(value);
        }
        catch (NumberFormatException ex) {
            throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: " + value + " is not a snowflake");
        }
    }

}
