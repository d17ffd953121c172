package io.github.jdaboot.interaction.invocation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.jdaboot.discord.entitlement.ApplicationEntitlements;
import io.github.jdaboot.interaction.ComponentCallback;
import io.github.jdaboot.interaction.Entitlements;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.MessageLimitException;
import io.github.jdaboot.interaction.Modal;
import io.github.jdaboot.interaction.Reply;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.HandlerMethod;
import net.dv8tion.jda.api.components.ActionComponent;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.actionrow.ActionRowChildComponent;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.replacer.ComponentReplacer;
import net.dv8tion.jda.api.components.selections.SelectMenu;
import net.dv8tion.jda.api.components.tree.MessageComponentTree;
import net.dv8tion.jda.api.entities.Entitlement;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import net.dv8tion.jda.api.utils.messages.MessagePollData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a handler, and how its answers reach Discord. Subclasses know the surface: a
 * prefix command replies to the message; an interaction is acknowledged once and followed
 * up through its hook. Every message goes out with no mentions allowed, so nothing in it
 * pings anyone; components with callbacks get their custom ids when the message is built,
 * once.
 */
public abstract class Invocation implements InteractionContext {

    private static final Logger log = LoggerFactory.getLogger(Invocation.class);

    private static final Locale[] LOCALES = Arrays.stream(DiscordLocale.values())
        .map(DiscordLocale::toLocale)
        .toArray(Locale[]::new);

    private final @Nullable HandlerMethod handler;

    private final InvocationSupport support;

    private Map<String, String> idParts = Map.of();

    private @Nullable Entitlements entitlements;

    private boolean entitlementsAtHand;

    /**
     * Everything sent for this run so far, in order; each message goes out once the one
     * before is sent.
     */
    private CompletableFuture<?> outbox = CompletableFuture.completedFuture(null);

    Invocation(@Nullable HandlerMethod handler, InvocationSupport support) {
        this.handler = handler;
        this.support = support;
    }

    /** The handler method, or null for a component callback. */
    public @Nullable HandlerMethod handler() {
        return this.handler;
    }

    /**
     * What kind of handler runs: the argument resolvers serving it, and the observation's
     * {@code kind} tag.
     */
    public abstract HandlerKind kind();

    /**
     * How logs name what the user did: {@code /idea}, {@code .idea}, "this button".
     */
    public abstract String displayName();

    /**
     * How replies name what the user did, in the user's language: {@code /idea},
     * {@code .idea}, "this button" ("dieser Button").
     */
    public String userName() {
        return displayName();
    }

    /**
     * The handler's stable name, for metrics and cooldowns: {@code idea}, or an id
     * template.
     */
    public abstract String key();

    /** A command's usage line, shown after bad input; null for other handlers. */
    public @Nullable String usage() {
        return null;
    }

    /**
     * The message behind the run: a prefix command's, or the one a clicked component is
     * on; else null.
     */
    public @Nullable Message message() {
        return null;
    }

    /** The parts of the custom id matched by the handler's template. */
    public Map<String, String> idParts() {
        return this.idParts;
    }

    public void idParts(Map<String, String> parts) {
        this.idParts = Map.copyOf(parts);
    }

    /**
     * The interaction's entitlements; for a message (a prefix command), the user's own
     * and, in a server, the server's: from the application's entitlements kept in memory
     * while they are whole ({@link ApplicationEntitlements}), else looked up when first
     * asked for, one request each, the first page of Discord's list (100, far more than
     * one user has).
     */
    @Override
    public synchronized Entitlements entitlements() {
        if (this.entitlements == null) {
            ApplicationEntitlements cache = this.support.entitlements();
            if (event() instanceof Interaction interaction) {
                this.entitlements = Entitlements.of(interaction.getEntitlements(), cache::consumed);
                this.entitlementsAtHand = true;
            }
            else {
                Guild guild = guild();
                Optional<List<Entitlement>> known = cache.find(user().getIdLong(),
                        (guild != null) ? guild.getIdLong() : 0);
                this.entitlements = known.map((found) -> Entitlements.of(found, cache::consumed))
                    .orElseGet(() -> Entitlements.lookedUp(this::lookUpEntitlements, cache::consumed));
                this.entitlementsAtHand = known.isPresent();
            }
        }
        return this.entitlements;
    }

    /**
     * Whether the run's entitlements are known without asking Discord: an interaction
     * carries them, a prefix command's are in memory while the cache is whole.
     */
    public synchronized boolean hasEntitlementsAtHand() {
        entitlements();
        return this.entitlementsAtHand;
    }

    private List<Entitlement> lookUpEntitlements() {
        Guild guild = guild();
        long guildId = (guild != null) ? guild.getIdLong() : 0;
        CompletableFuture<List<Entitlement>> users = jda().retrieveEntitlements()
            .user(user())
            .excludeEnded(true)
            .submit();
        CompletableFuture<List<Entitlement>> guilds = (guild != null)
                ? jda().retrieveEntitlements().guild(guildId).excludeEnded(true).submit()
                : CompletableFuture.completedFuture(List.of());
        // the user's own, as an interaction carries them: not those bought for a server
        List<Entitlement> all = new ArrayList<>(
                users.join().stream().filter((entitlement) -> entitlement.getGuildIdLong() == 0).toList());
        all.addAll(guilds.join());
        return all;
    }

    /** Whether the bot is shutting down (a handler interrupted now was cut off by it). */
    public boolean isShuttingDown() {
        return this.support.shuttingDown().getAsBoolean();
    }

    /** What every run needs from the framework. */
    InvocationSupport support() {
        return this.support;
    }

    /** A text of the framework's in the user's language. */
    String text(String code, @Nullable Object... arguments) {
        return this.support.messages().get(code, locale(), arguments);
    }

    /**
     * Called once the run has started on its thread: an interaction schedules its
     * deferral, a request for suggestions its deadline.
     */
    public void started() {
    }

    /**
     * Tells the user the run was refused before it started (the bot is busy or
     * restarting).
     */
    public void refuse(String text) {
        reply(Reply.of(text).ephemeral());
    }

    @Override
    public void reply(String content) {
        reply(Reply.of(content));
    }

    /**
     * Answers with a reply: its limits checked first (a {@link MessageLimitException}
     * fails the run before anything is sent), the callbacks of its components kept, then
     * its messages sent, or the clicked message updated.
     */
    @Override
    public void reply(Reply reply) {
        Map<String, ComponentCallback> callbacks = new LinkedHashMap<>();
        List<ActionRow> rows = rows(reply, callbacks);
        List<MessageTopLevelComponent> components = new ArrayList<>();
        if (reply.layout() != null) {
            components.addAll(reply.layout());
        }
        if (rows != null) {
            components.addAll(rows);
        }
        Set<String> callbackIds = new HashSet<>(callbacks.keySet());
        callbackIds.addAll(reply.callbacks().keySet());
        boolean updating = reply.isUpdate() && canUpdate();
        Message clicked = message();
        MessageLimits.check(handlerName(), reply, components, callbackIds, updating,
                updating && clicked != null && clicked.isUsingComponentsV2());
        if (!reply.callbacks().isEmpty()) {
            components = withCallbackIds(components, reply.callbacks(), callbacks);
        }
        callbacks.forEach(this.support.callbacks()::register);
        if (updating && rows == null && !reply.isLayout() && reply.poll() == null && !reply.content().isEmpty()
                && reply.content().length() <= ReplyChunker.MAX_LENGTH) {
            // the usual update: one text, the message's components left as they are
            update(new MessageEditBuilder().setContent(withoutLoneSurrogates(reply.content()))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build());
            return;
        }
        boolean ephemeral = reply.isEphemeral() || ephemeralByDefault();
        if (reply.isLayout()) {
            MessageCreateData layout = layout(components, reply);
            if (updating) {
                update(MessageEditData.fromCreateData(layout));
            }
            else {
                send(() -> layout, ephemeral);
            }
            return;
        }
        List<MessageCreateData> messages = messages(reply, (rows != null) ? components : List.of(),
                () -> text("interaction.long-reply"));
        int first = 0;
        if (updating) {
            // without components of its own, an update leaves the message's as they are
            MessageCreateData text = messages.getFirst();
            update((rows != null) ? MessageEditData.fromCreateData(text)
                    : new MessageEditBuilder().setContent(text.getContent())
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .build());
            first = 1;
        }
        for (int i = first; i < messages.size(); i++) {
            MessageCreateData message = messages.get(i);
            send(() -> message, ephemeral);
        }
    }

    /**
     * Sends a handler's {@code MessageCreateData} as it is, but with no mentions allowed,
     * once the limits JDA's builder left out are checked.
     */
    public void reply(MessageCreateData data) {
        MessageLimits.check(handlerName(), data);
        send(() -> MessageCreateBuilder.from(data)
            .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
            .mentionRepliedUser(false)
            .build(), ephemeralByDefault());
    }

    /**
     * How errors name the handler of this run: {@code IdeaCommands.idea}, or the callback
     * of a component.
     */
    String handlerName() {
        return (this.handler != null) ? this.handler.shortName() : "the callback of " + displayName();
    }

    /**
     * Whether replies are private unless said otherwise
     * ({@code @Command(ephemeral = true)}).
     */
    boolean ephemeralByDefault() {
        return false;
    }

    /**
     * Sends one message, after the ones before it and without waiting for it: the first
     * answers, the rest follow up. The supplier builds the message afresh for each
     * attempt.
     */
    abstract void send(Supplier<MessageCreateData> message, boolean ephemeral);

    /**
     * Whether {@link #update(MessageEditData)} edits a message of this run (a clicked
     * component's).
     */
    boolean canUpdate() {
        return false;
    }

    /** Edits the clicked message. */
    void update(MessageEditData edit) {
        throw new IllegalStateException("nothing to update in " + displayName());
    }

    /** Opens a form; where that cannot be done, tells the user how to get it. */
    public abstract void openModal(Modal modal);

    /**
     * Acknowledges a run that sent nothing, so that Discord does not show it as failed.
     */
    public void finish() {
    }

    /**
     * Starts the sending once everything before it is sent (at once when nothing is
     * pending).
     */
    final synchronized void enqueue(Supplier<CompletableFuture<Boolean>> sending) {
        this.outbox = this.outbox.thenCompose((previous) -> sending.get());
    }

    /** Completes when every message of this run so far has been sent, or given up on. */
    public final synchronized CompletableFuture<?> allSent() {
        return this.outbox;
    }

    /**
     * The rows of components, those with callbacks given fresh ids (the callbacks are
     * kept once the reply's limits are checked); null when the reply leaves them alone.
     */
    private @Nullable List<ActionRow> rows(Reply reply, Map<String, ComponentCallback> callbacks) {
        List<List<Object>> rows = reply.componentRows();
        if (rows == null) {
            return null;
        }
        List<ActionRow> built = new ArrayList<>();
        for (List<Object> row : rows) {
            List<ActionRowChildComponent> components = new ArrayList<>();
            for (Object component : row) {
                components.add(switch (component) {
                    case Reply.Callback(Button button, ComponentCallback callback) ->
                        button.withCustomId(callbackId(callback, callbacks));
                    case Reply.Callback(SelectMenu menu, ComponentCallback callback) ->
                        menu.createCopy().setCustomId(callbackId(callback, callbacks)).build();
                    case ActionRowChildComponent plain -> plain;
                    default -> throw new IllegalArgumentException("Not a component of an action row: " + component);
                });
            }
            built.add(ActionRow.of(components));
        }
        return built;
    }

    private String callbackId(ComponentCallback callback, Map<String, ComponentCallback> callbacks) {
        String id = this.support.callbacks().newId();
        callbacks.put(id, callback);
        return id;
    }

    /**
     * The components, those bound to callbacks by their custom ids
     * ({@link Reply#withCallback}) with fresh ids instead, wherever they are in the tree.
     */
    private List<MessageTopLevelComponent> withCallbackIds(List<MessageTopLevelComponent> components,
            Map<String, ComponentCallback> bound, Map<String, ComponentCallback> callbacks) {
        Map<String, String> ids = new HashMap<>();
        bound.forEach((customId, callback) -> ids.put(customId, callbackId(callback, callbacks)));
        ComponentReplacer replacer = ComponentReplacer.of(ActionComponent.class,
                (component) -> ids.containsKey(component.getCustomId()), (component) -> switch (component) {
                    case Button button -> button.withCustomId(ids.get(button.getCustomId()));
                    case SelectMenu menu -> menu.createCopy().setCustomId(ids.get(menu.getCustomId())).build();
                    default -> component;
                });
        return new ArrayList<>(MessageComponentTree.of(components).replace(replacer).getComponents());
    }

    /** A layout as a Components V2 message, with its files and no mentions allowed. */
    private static MessageCreateData layout(List<MessageTopLevelComponent> components, Reply reply) {
        return new MessageCreateBuilder().useComponentsV2(true)
            .setComponents(components)
            .addFiles(uploads(reply))
            .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
            .mentionRepliedUser(false)
            .build();
    }

    private static List<FileUpload> uploads(Reply reply) {
        if (reply.files().isEmpty()) {
            return List.of(); // most replies: no stream made for nothing
        }
        return reply.files().stream().map((file) -> FileUpload.fromData(file.data(), file.name())).toList();
    }

    /**
     * The Discord messages for a reply of text: its text split to fit, or attached as a
     * file when very long (with the note, looked up only then); its files, components and
     * poll with the last.
     */
    static List<MessageCreateData> messages(Reply reply, List<? extends MessageTopLevelComponent> rows,
            Supplier<String> longReplyNote) {
        List<String> chunks = reply.content().isEmpty() ? List.of("") : ReplyChunker.split(reply.content());
        List<FileUpload> files = uploads(reply);
        MessagePollData poll = (reply.poll() != null) ? reply.poll().toJda() : null;
        if (chunks.isEmpty()) {
            return List.of(builder(longReplyNote.get())
                .addFiles(FileUpload.fromData(reply.content().getBytes(StandardCharsets.UTF_8), "reply.txt"))
                .addFiles(files)
                .setComponents(rows)
                .setPoll(poll)
                .build());
        }
        List<MessageCreateData> messages = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            MessageCreateBuilder builder = builder(chunks.get(i));
            if (i == chunks.size() - 1) {
                if (!files.isEmpty()) {
                    builder.addFiles(files);
                }
                builder.setComponents(rows).setPoll(poll);
            }
            if (!builder.isEmpty()) {
                messages.add(builder.build());
            }
        }
        return messages;
    }

    /** A short text as a message: no mentions allowed, nothing split. */
    public static MessageCreateData message(String text) {
        return builder(text).build();
    }

    private static MessageCreateBuilder builder(String content) {
        return new MessageCreateBuilder().setContent(withoutLoneSurrogates(content))
            .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
            .mentionRepliedUser(false);
    }

    /**
     * Text as Discord can store it: an unpaired surrogate (invalid UTF-16, e.g. echoed
     * user input) becomes U+FFFD.
     */
    static String withoutLoneSurrogates(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (clean != null) {
                    clean.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                if (clean == null) {
                    clean = new StringBuilder(text.length()).append(text, 0, i);
                }
                clean.append('\uFFFD');
            }
            else if (clean != null) {
                clean.append(c);
            }
        }
        return (clean != null) ? clean.toString() : text;
    }

    /**
     * The language to answer an event in: the user's Discord language for an interaction,
     * the server's for a message (English in a direct message).
     */
    public static Locale localeOf(GenericEvent event) {
        return switch (event) {
            case Interaction interaction -> locale(interaction.getUserLocale());
            case MessageReceivedEvent message when message.isFromGuild() -> locale(message.getGuild().getLocale());
            default -> Locale.US;
        };
    }

    /**
     * Discord's language as a {@code Locale}, made once per language
     * ({@code DiscordLocale.toLocale()} parses its tag on every call).
     */
    static Locale locale(DiscordLocale language) {
        return LOCALES[language.ordinal()];
    }

    public static void logFailure(String what, Throwable failure) {
        log.warn("Could not {}: {}", what, failure.toString());
    }

}
