package io.github.jdaboot.discord.emoji;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.github.jdaboot.discord.DiscordStartupException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Icon;
import net.dv8tion.jda.api.entities.emoji.ApplicationEmoji;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Brings the application's emojis on Discord in line with the images in
 * {@code discord/emojis/} when the context starts, right after the first shard is ready
 * and before the rest of the application starts, as the commands are: it reads what
 * Discord has (one request) and writes only what differs. An image whose emoji is missing
 * is uploaded; an image that changed (its fingerprint, in the emoji's name on Discord,
 * differs) is uploaded again and the old emoji deleted; an emoji whose image is gone
 * stays unless {@code discord.emojis.delete-removed} is set. Emojis uploaded by other
 * means (names without a fingerprint) are never touched. An image Discord refuses fails
 * the start, naming the file and Discord's reason; Discord not answering leaves the
 * emojis unknown ({@link ApplicationEmojis#get} says why) and the bot running.
 * <p>
 * Several processes of one bot (scale-out) each synchronize: one that finds an emoji
 * uploaded by another in the meantime uses it.
 */
public class ApplicationEmojiSynchronizer implements SmartLifecycle, EventListener {

    /**
     * Starts right after the gateway (whose phase is {@code DEFAULT_PHASE - 100}), before
     * the application's beans.
     */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 90;

    private static final Logger log = LoggerFactory.getLogger(ApplicationEmojiSynchronizer.class);

    private final ObjectProvider<ShardManager> shardManager;

    private final EmojiFiles files;

    private final ApplicationEmojis emojis;

    private final boolean upload;

    private final boolean deleteRemoved;

    private final Duration timeout;

    private volatile boolean running;

    /** Whether the start found no ready shard: the first ready one synchronizes. */
    private volatile boolean pending;

    /**
     * The synchronizer.
     * @param files the images, checked
     * @param emojis where the emojis are looked up by name
     * @param upload whether missing and changed images are uploaded
     * ({@code discord.emojis.sync}); if not, the emojis Discord has are only read
     * @param deleteRemoved whether an emoji whose image is gone is deleted
     * ({@code discord.emojis.delete-removed})
     * @param timeout how long each request to Discord may take
     */
    public ApplicationEmojiSynchronizer(ObjectProvider<ShardManager> shardManager, EmojiFiles files,
            ApplicationEmojis emojis, boolean upload, boolean deleteRemoved, Duration timeout) {
        this.shardManager = shardManager;
        this.files = files;
        this.emojis = emojis;
        this.upload = upload;
        this.deleteRemoved = deleteRemoved;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        this.running = true;
        JDA ready = this.shardManager.getObject()
            .getShards()
            .stream()
            .filter(ApplicationEmojiSynchronizer::isReady)
            .findFirst()
            .orElse(null);
        if (ready == null) {
            log.info("No Discord shard is ready yet: the application emojis are synchronized when one is");
            this.pending = true;
            return;
        }
        synchronize(ready);
    }

    /**
     * Whether a shard's session is ready: JDA fires its ready event (which the gateway's
     * start waits for) before the shard's status is {@code CONNECTED}, and knows the
     * application from then on.
     */
    private static boolean isReady(JDA shard) {
        if (shard.getStatus() == JDA.Status.CONNECTED) {
            return true;
        }
        try {
            shard.getSelfUser();
            return true;
        }
        catch (IllegalStateException ex) {
            return false;
        }
    }

    @Override
    public void onEvent(GenericEvent event) {
        if (event instanceof ReadyEvent ready && this.running && this.pending) {
            this.pending = false;
            // never on JDA's event thread: the requests are awaited
            Thread.ofVirtual().name("application-emojis").start(() -> {
                try {
                    synchronize(ready.getJDA());
                }
                catch (DiscordStartupException ex) {
                    log.error("{} {}", ex.getMessage(), ex.getAction());
                    this.emojis.unavailable(ex.getMessage());
                }
            });
        }
    }

    @Override
    public void stop() {
        this.running = false;
        this.pending = false;
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /**
     * Reads the application's emojis from Discord and uploads, replaces and (with the
     * switch) deletes what differs from the images.
     * @throws DiscordStartupException when Discord refuses an image
     */
    public void synchronize(JDA jda) {
        List<ApplicationEmoji> existing;
        try {
            existing = await(jda.retrieveApplicationEmojis());
        }
        catch (ExecutionException | TimeoutException ex) {
            unavailable("could not read the application emojis from Discord", ex);
            return;
        }
        Map<String, ApplicationEmoji> byDiscordName = new LinkedHashMap<>();
        existing.forEach((emoji) -> byDiscordName.put(emoji.getName(), emoji));
        Map<String, ApplicationEmoji> known = new LinkedHashMap<>();
        // emojis uploaded by other means, by their own names; then ours, by theirs
        existing.stream()
            .filter((emoji) -> EmojiFile.nameOf(emoji.getName()) == null)
            .forEach((emoji) -> known.put(emoji.getName(), emoji));
        if (!this.upload) {
            read(existing, byDiscordName, known);
            return;
        }
        List<String> changes = new ArrayList<>();
        for (EmojiFile file : this.files.files()) {
            ApplicationEmoji current = byDiscordName.get(file.discordName());
            if (current == null) {
                try {
                    current = upload(jda, file);
                }
                catch (ExecutionException | TimeoutException ex) {
                    unavailable("could not upload " + file.file(), ex);
                    return;
                }
                changes.add(file.name());
            }
            known.put(file.name(), current);
        }
        for (ApplicationEmoji emoji : existing) {
            String name = EmojiFile.nameOf(emoji.getName());
            if (name == null || known.get(name) == emoji) {
                continue;
            }
            boolean replaced = this.files.files().stream().anyMatch((file) -> file.name().equals(name));
            if (replaced || this.deleteRemoved) {
                delete(emoji, replaced ? "replaced by its changed image" : "its image is gone");
                changes.add("-" + emoji.getName());
            }
            else {
                log.info("The application emoji '{}' has no image any more; it stays on Discord (set"
                        + " discord.emojis.delete-removed=true to delete it)", name);
                known.putIfAbsent(name, emoji);
            }
        }
        this.emojis.update(known);
        if (changes.isEmpty()) {
            log.info("Application emojis are up to date: {}", this.files.files().size());
        }
        else {
            log.info("Application emojis synchronized: {}", changes.stream().collect(Collectors.joining(", ")));
        }
    }

    /**
     * Only reads: each image's emoji if Discord has it as the image is now, then the
     * other emojis of the framework's by their names.
     */
    private void read(List<ApplicationEmoji> existing, Map<String, ApplicationEmoji> byDiscordName,
            Map<String, ApplicationEmoji> known) {
        List<String> missing = new ArrayList<>();
        for (EmojiFile file : this.files.files()) {
            ApplicationEmoji current = byDiscordName.get(file.discordName());
            if (current != null) {
                known.put(file.name(), current);
            }
            else {
                missing.add(file.file());
            }
        }
        for (ApplicationEmoji emoji : existing) {
            String name = EmojiFile.nameOf(emoji.getName());
            if (name != null) {
                known.putIfAbsent(name, emoji);
            }
        }
        this.emojis.update(known);
        if (!missing.isEmpty()) {
            log.warn("Discord has no application emoji of {} as it is now, and discord.emojis.sync is false: they are"
                    + " not uploaded", missing);
        }
    }

    private ApplicationEmoji upload(JDA jda, EmojiFile file) throws ExecutionException, TimeoutException {
        try {
            ApplicationEmoji uploaded = await(
                    jda.createApplicationEmoji(file.discordName(), Icon.from(file.content(), file.type())));
            log.info("Uploaded the application emoji '{}' from {}", file.name(), file.file());
            return uploaded;
        }
        catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof ErrorResponseException refused) || refused.isServerError()) {
                throw ex;
            }
            // another process of the bot may have uploaded it in the meantime
            ApplicationEmoji other = await(jda.retrieveApplicationEmojis()).stream()
                .filter((emoji) -> emoji.getName().equals(file.discordName()))
                .findFirst()
                .orElse(null);
            if (other != null) {
                return other;
            }
            throw new DiscordStartupException(
                    "Discord refused the application emoji " + file.file() + ": " + refused.getMeaning() + " ("
                            + refused.getErrorCode() + ")",
                    (refused.getErrorResponse() == ErrorResponse.MAX_EMOJIS)
                            ? "Remove application emojis: Discord allows " + EmojiFiles.MAX_EMOJIS + " an application,"
                                    + " including those uploaded by other means."
                            : "Check the image: it must be a PNG, GIF or WebP image Discord can read.",
                    refused);
        }
    }

    private void delete(ApplicationEmoji emoji, String why) {
        try {
            await(emoji.delete());
            log.info("Deleted the application emoji '{}': {}", emoji.getName(), why);
        }
        catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof ErrorResponseException gone)
                    || gone.getErrorResponse() != ErrorResponse.UNKNOWN_EMOJI) {
                log.warn("Could not delete the application emoji '{}': {}", emoji.getName(), ex.getCause().toString());
            }
        }
        catch (TimeoutException ex) {
            log.warn("Could not delete the application emoji '{}' within {}", emoji.getName(), this.timeout);
        }
    }

    private <T> T await(RestAction<T> action) throws ExecutionException, TimeoutException {
        var future = action.submit();
        try {
            return future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        }
        catch (TimeoutException ex) {
            future.cancel(true);
            throw ex;
        }
    }

    private void unavailable(String what, Exception failure) {
        Throwable cause = (failure instanceof ExecutionException && failure.getCause() != null) ? failure.getCause()
                : failure;
        String reason = what + ": "
                + ((failure instanceof TimeoutException) ? "no answer within " + this.timeout : cause.toString());
        log.error("The application emojis are not available: {}", reason);
        this.emojis.unavailable(reason);
    }

}
