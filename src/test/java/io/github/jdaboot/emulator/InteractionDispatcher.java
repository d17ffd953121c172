package io.github.jdaboot.emulator;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What users do that the bot hears of as INTERACTION_CREATE: run a slash command (or type
 * into an option with autocomplete), run a user or message command, click or pick in a
 * component, submit a modal. Each is checked as Discord's client checks it
 * ({@link CommandInput}, {@link ComponentInput}) against what the bot registered
 * ({@link CommandRegistry}) or sent, then dispatched in the envelope Discord sends, with
 * the user's and the guild's locale. What the bot answers is
 * {@link InteractionCallbacks}' business.
 */
final class InteractionDispatcher {

    /** Interaction context type: a server. */
    static final int GUILD = 0;

    /** Interaction context type: the bot's DM. */
    static final int BOT_DM = 1;

    /** Interaction context type: a DM between users or a group DM. */
    static final int PRIVATE_CHANNEL = 2;

    /** Integration type: installed to a server. */
    static final int GUILD_INSTALL = 0;

    /** Integration type: installed to a user's account. */
    static final int USER_INSTALL = 1;

    private static final Map<Integer, String> CONTEXTS = Map.of(GUILD, "servers", BOT_DM, "the bot's DM",
            PRIVATE_CHANNEL, "DMs between users and group DMs");

    /**
     * What the app may do in a DM between users or a group DM (Discord's
     * {@code app_permissions} there): attach files, embed links, mention everyone.
     */
    static final long PRIVATE_CHANNEL_PERMISSIONS = (1L << 15) | (1L << 14) | (1L << 17);

    private final EmulatorWorld world;

    private final Payloads payloads;

    private final Gateway gateway;

    private final CommandRegistry commands;

    private final Monetization monetization;

    InteractionDispatcher(EmulatorWorld world, Payloads payloads, Gateway gateway, CommandRegistry commands,
            Monetization monetization) {
        this.world = world;
        this.payloads = payloads;
        this.gateway = gateway;
        this.commands = commands;
        this.monetization = monetization;
    }

    /**
     * A user runs a slash command, or with {@code focused} types into that option, which
     * the bot hears of as an autocomplete (the options given so far, and the text typed);
     * see {@link CommandInput} for what is checked.
     * @throws InteractionRejectedException 404 for a command the bot has not registered,
     * 400 for input Discord refuses
     * @throws IllegalArgumentException when the focused option is unknown or not
     * registered with autocomplete
     */
    EmulatedInteraction invoke(SlashCommand command, @Nullable String focused, String typed, boolean forged) {
        EmulatedChannel channel = channel(command.channel(), command);
        EmulatedUser user = (command.user() != null) ? command.user() : this.world.userNamed("alice")
            .orElseThrow(() -> new IllegalStateException("No user to run " + command));
        RegisteredCommand registered = registered(command.path().getFirst(), RegisteredCommand.SLASH, channel);
        Map<Integer, Long> owners = owners(registered.integrationTypes(), channel, user);
        if (!forged) {
            checkPlace(registered, "/" + registered.name(), channel, user, owners);
        }
        List<CommandInput.Option> options = CommandInput.check(registered, command, focused, typed, channel,
                this.world);
        ObjectNode data = commandData(registered);
        ObjectNode resolved = this.payloads.object();
        data.set("options", options(options, resolved, this.world.guild(channel.guildId()).orElse(null)));
        if (!resolved.isEmpty()) {
            data.set("resolved", resolved);
        }
        return dispatch((focused != null) ? EmulatedInteraction.APPLICATION_COMMAND_AUTOCOMPLETE
                : EmulatedInteraction.APPLICATION_COMMAND, data, channel, user, null, null, owners);
    }

    /**
     * A user runs a user command on a user (in {@code in}, or the first text channel) or
     * a message command on a message (in its channel). {@code resolved} holds only the
     * target, whose first entry JDA takes for it.
     * @throws InteractionRejectedException 404 for a command the bot has not registered
     * or a message that is gone
     */
    EmulatedInteraction context(EmulatedUser user, String name, Object target, @Nullable EmulatedChannel in,
            boolean forged) {
        ObjectNode resolved = this.payloads.object();
        EmulatedChannel channel;
        RegisteredCommand registered;
        String targetId;
        if (target instanceof EmulatedMessage given) {
            EmulatedMessage message = this.world.message(given.id())
                .orElseThrow(
                        () -> new InteractionRejectedException(404, 10008, "Unknown Message", this.payloads.object()));
            channel = this.world.channel(message.channelId()).orElseThrow();
            registered = registered(name, RegisteredCommand.MESSAGE, channel);
            targetId = message.idString();
            resolved.putObject("messages").set(targetId, this.payloads.message(message, false));
        }
        else {
            EmulatedUser targetUser = this.world.user(((EmulatedUser) target).id())
                .orElseThrow(() -> new IllegalArgumentException("Unknown user " + target));
            channel = channel(in, name);
            registered = registered(name, RegisteredCommand.USER, channel);
            targetId = targetUser.idString();
            this.payloads.resolve(resolved, targetUser, this.world.guild(channel.guildId()).orElse(null));
        }
        Map<Integer, Long> owners = owners(registered.integrationTypes(), channel, user);
        if (!forged) {
            checkPlace(registered, "'" + registered.name() + "'", channel, user, owners);
        }
        ObjectNode data = commandData(registered);
        data.put("target_id", targetId);
        data.set("resolved", resolved);
        return dispatch(EmulatedInteraction.APPLICATION_COMMAND, data, channel, user, null, null, owners);
    }

    private EmulatedChannel channel(@Nullable EmulatedChannel given, Object what) {
        EmulatedChannel channel = (given != null) ? given : this.world.firstTextChannel();
        if (channel == null) {
            throw new IllegalStateException("No channel to run " + what + " in");
        }
        return channel;
    }

    /**
     * The command's {@code id}, {@code name}, {@code type} and {@code guild_id} (for a
     * guild command).
     */
    private ObjectNode commandData(RegisteredCommand registered) {
        ObjectNode data = this.payloads.object();
        data.put("id", Payloads.id(registered.id()));
        data.put("name", registered.name());
        data.put("type", registered.type());
        if (registered.guildId() != 0) {
            data.put("guild_id", Payloads.id(registered.guildId()));
        }
        return data;
    }

    /**
     * A user clicks a button ({@code values} null) or picks values in a select of a
     * message; see {@link ComponentInput} for what is checked unless {@code forged}.
     */
    EmulatedInteraction component(EmulatedUser user, EmulatedMessage message, String customId,
            @Nullable List<String> values, boolean forged) {
        EmulatedMessage current = this.world.message(message.id()).orElse(null);
        if (current == null && !forged) {
            throw new InteractionRejectedException(404, 10008, "Unknown Message", this.payloads.object());
        }
        EmulatedMessage on = (current != null) ? current : message;
        EmulatedChannel channel = this.world.channel(on.channelId())
            .orElseThrow(() -> new IllegalArgumentException("No channel " + Payloads.id(on.channelId())));
        ObjectNode data = new ComponentInput(this.world, this.payloads, channel, forged).component(on, customId,
                values);
        // a component answers the interaction its message came from, with its owners
        Map<Integer, Long> owners = this.world.interaction(on.interactionId())
            .map(EmulatedInteraction::integrationOwners)
            .orElseGet(() -> owners(Set.of(GUILD_INSTALL, USER_INSTALL), channel, user));
        return dispatch(EmulatedInteraction.MESSAGE_COMPONENT, data, channel, user, on, null, owners);
    }

    /**
     * A user submits a modal the bot opened; unless {@code forged}, only the user it was
     * opened for, only once, and with its fields checked (see {@link ComponentInput}).
     */
    EmulatedInteraction submit(EmulatedUser user, EmulatedModal modal, Map<String, ?> values, boolean forged) {
        EmulatedInteraction opened = this.world.interaction(modal.interactionId())
            .orElseThrow(() -> new IllegalArgumentException(
                    "The bot opened no modal in interaction " + Payloads.id(modal.interactionId())));
        if (!forged && opened.user().id() != user.id()) {
            new FormErrors()
                .add("data.custom_id", "BASE_TYPE_INVALID",
                        "The modal '" + modal.customId() + "' was opened for " + opened.user().username() + ", not "
                                + user.username() + ".")
                .reject();
        }
        if (!forged && submitted(opened)) {
            new FormErrors()
                .add("data.custom_id", "BASE_TYPE_INVALID",
                        "The modal '" + modal.customId() + "' was already submitted.")
                .reject();
        }
        ObjectNode data = new ComponentInput(this.world, this.payloads, opened.channel(), forged).modal(modal, values);
        return dispatch(EmulatedInteraction.MODAL_SUBMIT, data, opened.channel(), user, opened.message().orElse(null),
                opened, opened.integrationOwners());
    }

    /**
     * The latest modal with this custom id the bot opened for the user and that is not
     * submitted yet.
     */
    Optional<EmulatedModal> openModal(EmulatedUser user, String customId) {
        return this.world.interactions()
            .reversed()
            .stream()
            .filter((interaction) -> interaction.user().id() == user.id() && !submitted(interaction))
            .flatMap((interaction) -> interaction.modal().stream())
            .filter((modal) -> modal.customId().equals(customId))
            .findFirst();
    }

    private boolean submitted(EmulatedInteraction opened) {
        return this.world.interactions().stream().anyMatch((interaction) -> interaction.source() == opened);
    }

    /**
     * The registered command of the name and type, in the channel's guild or global.
     * @throws InteractionRejectedException 404 when there is none, naming those there are
     */
    private RegisteredCommand registered(String name, int type, EmulatedChannel channel) {
        return this.commands.find(name, type, channel.guildId()).orElseThrow(() -> {
            String what = switch (type) {
                case RegisteredCommand.USER -> "user command '" + name + "'";
                case RegisteredCommand.MESSAGE -> "message command '" + name + "'";
                default -> "/" + name;
            };
            return new InteractionRejectedException(404, InteractionRejectedException.UNKNOWN_COMMAND,
                    "Unknown application command " + what + " (registered: " + names(0, type) + " globally; "
                            + names(channel.guildId(), type) + " in the guild)",
                    this.payloads.object());
        });
    }

    /**
     * Where an interaction in the channel happens: Discord's interaction context type.
     */
    static int context(EmulatedChannel channel) {
        if (channel.guildId() != 0) {
            return GUILD;
        }
        return channel.isPrivate() ? PRIVATE_CHANNEL : BOT_DM;
    }

    /**
     * Who authorized the application for an interaction of a command with these
     * integration types, by Discord's rules: the server install (the guild's id; "0" in
     * the bot's DM) where the bot is installed, and the user install of a user who
     * installed the app to their account; none in a DM between users or a group DM but
     * the user install.
     */
    private Map<Integer, Long> owners(Set<Integer> integrationTypes, EmulatedChannel channel, EmulatedUser user) {
        Map<Integer, Long> owners = new TreeMap<>();
        int context = context(channel);
        if (integrationTypes.contains(GUILD_INSTALL) && context != PRIVATE_CHANNEL) {
            owners.put(GUILD_INSTALL, channel.guildId());
        }
        if (integrationTypes.contains(USER_INSTALL) && this.world.installed(user.id())) {
            owners.put(USER_INSTALL, user.id());
        }
        return owners;
    }

    /**
     * Refuses, as Discord's client offers no such command there: one whose contexts leave
     * the channel's out, one installed neither to the server nor to the user (in a DM
     * between users or a group DM only a user install counts), and an age-restricted one
     * outside an age-restricted channel.
     */
    private void checkPlace(RegisteredCommand command, String name, EmulatedChannel channel, EmulatedUser user,
            Map<Integer, Long> owners) {
        int context = context(channel);
        String problem = null;
        if (!command.contexts().contains(context)) {
            problem = "its contexts " + command.contexts() + " leave out " + CONTEXTS.get(context) + " (" + context
                    + ")";
        }
        else if (owners.isEmpty()) {
            problem = (context == PRIVATE_CHANNEL)
                    ? user.username() + " has not installed the app to their account, or the command is not for"
                            + " user installs (integration_types " + command.integrationTypes() + ")"
                    : "it is installed neither to the server nor to " + user.username() + " (integration_types "
                            + command.integrationTypes() + ")";
        }
        else if (command.nsfw() && !channel.nsfw()) {
            problem = "it is age-restricted (nsfw) and #" + channel.name() + " is not an age-restricted channel";
        }
        if (problem != null) {
            throw new InteractionRejectedException(404, InteractionRejectedException.UNKNOWN_COMMAND,
                    "Unknown application command " + name + " here: Discord's client does not offer it in "
                            + CONTEXTS.get(context) + ", as " + problem,
                    this.payloads.object());
        }
    }

    private String names(long scope, int type) {
        List<String> names = this.commands.commands(scope)
            .stream()
            .filter((command) -> command.type() == type)
            .map((command) -> (type == RegisteredCommand.SLASH) ? "/" + command.name() : "'" + command.name() + "'")
            .toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /**
     * Sends INTERACTION_CREATE: the envelope JDA requires ({@code channel},
     * {@code context}, {@code authorizing_integration_owners}, {@code guild}, the member
     * or user) around the data, with the user's {@code locale} and the guild's, the
     * active {@code entitlements} of the user and of the guild, and for a component, or a
     * modal opened from one, the whole message the component is on.
     */
    private EmulatedInteraction dispatch(int type, ObjectNode data, EmulatedChannel channel, EmulatedUser user,
            @Nullable EmulatedMessage message, @Nullable EmulatedInteraction source, Map<Integer, Long> owners) {
        String token = "aW50ZXJhY3Rpb246" + HexFormat.of().formatHex(randomBytes());
        EmulatedInteraction interaction = new EmulatedInteraction(this.world.nextId(), token, type, data, channel, user,
                (message != null) ? message.id() : 0, source, owners, this.world);
        this.world.add(interaction);
        EmulatedGuild guild = this.world.guild(channel.guildId()).orElse(null);
        ObjectNode json = this.payloads.object();
        json.put("id", Payloads.id(interaction.id()));
        json.put("application_id", Payloads.id(this.world.applicationId()));
        json.put("type", type);
        json.put("token", token);
        json.put("version", 1);
        json.set("data", data);
        if (message != null) {
            json.set("message", this.payloads.message(message, false));
        }
        json.put("channel_id", channel.idString());
        ObjectNode channelJson = this.payloads.channel(channel);
        json.put("locale", this.world.locale(user));
        ArrayNode entitlements = json.putArray("entitlements");
        this.monetization.forInteraction(user, channel.guildId())
            .forEach((entitlement) -> entitlements.add(this.monetization.entitlement(entitlement)));
        json.put("attachment_size_limit", 26_214_400);
        json.set("authorizing_integration_owners", this.payloads.owners(owners));
        if (guild != null) {
            long permissions = guild.permissionsOf(user.id());
            channelJson.put("permissions", Long.toString(permissions));
            json.put("guild_id", guild.idString());
            ObjectNode guildJson = json.putObject("guild");
            guildJson.put("id", guild.idString());
            guildJson.put("locale", guild.preferredLocale());
            guildJson.putArray("features");
            json.put("guild_locale", guild.preferredLocale());
            ObjectNode member = this.payloads.member(guild, user, true);
            member.put("permissions", Long.toString(permissions));
            json.set("member", member);
            json.put("app_permissions", Long.toString(guild.permissionsOf(this.world.botUser().id())));
            json.put("context", GUILD);
        }
        else if (channel.isPrivate()) {
            // a DM between users or a group DM: the app may attach files, embed links
            // and mention everyone in its answers there, nothing else
            json.set("user", this.payloads.user(user));
            json.put("app_permissions", Long.toString(PRIVATE_CHANNEL_PERMISSIONS));
            json.put("context", PRIVATE_CHANNEL);
            channelJson = this.payloads.privateChannel(channel, user);
        }
        else {
            json.set("user", this.payloads.user(user));
            json.put("app_permissions", Long.toString(Permissions.EVERYONE_DEFAULT));
            json.put("context", BOT_DM);
        }
        if (channel.isDirect()) {
            // as Discord sends it to the bot: the DM's other party, seen from the user,
            // is the bot
            channelJson.putArray("recipients").add(this.payloads.user(this.world.botUser()));
        }
        json.set("channel", channelJson);
        this.gateway.dispatch(GatewayEvent.INTERACTION_CREATE, channel.guildId(), json::toString);
        return interaction;
    }

    /**
     * The options array of checked, typed values; fills {@code resolved} with the users,
     * roles, channels, files.
     */
    private ArrayNode options(List<CommandInput.Option> given, ObjectNode resolved, @Nullable EmulatedGuild guild) {
        ArrayNode options = this.payloads.array();
        for (CommandInput.Option entry : given) {
            ObjectNode option = options.addObject();
            option.put("name", entry.name());
            option.put("type", entry.type());
            if (entry.focused()) {
                option.put("focused", true);
            }
            if (entry.value() == null) {
                option.set("options", options(entry.options(), resolved, guild));
                continue;
            }
            switch (entry.value()) {
                case String text -> option.put("value", text);
                case Long number -> option.put("value", number);
                case Double number -> option.put("value", number);
                case Boolean flag -> option.put("value", flag);
                case EmulatedUser user -> {
                    option.put("value", user.idString());
                    this.payloads.resolve(resolved, user, guild);
                }
                case EmulatedRole role -> {
                    option.put("value", role.idString());
                    this.payloads.resolve(resolved, role, guild);
                }
                case EmulatedChannel channel -> {
                    option.put("value", channel.idString());
                    this.payloads.resolve(resolved, channel, guild);
                }
                case EmulatedMessage.EmulatedAttachment attachment -> {
                    option.put("value", Payloads.id(attachment.id()));
                    EmulatedMessage holder = new EmulatedMessage(0, 0, 0, this.world.botUser(), "", this.world.now(),
                            null, 0, false, List.of(), List.of(), List.of(attachment), List.of(), List.of(), 0, null, 0,
                            0, 0);
                    resolved.withObjectProperty("attachments")
                        .set(Payloads.id(attachment.id()), this.payloads.attachment(holder, attachment));
                }
                default -> throw new IllegalStateException(
                        "CommandInput typed " + entry.name() + " as " + entry.value().getClass().getSimpleName());
            }
        }
        return options;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

}
