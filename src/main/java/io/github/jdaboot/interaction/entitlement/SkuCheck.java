package io.github.jdaboot.interaction.entitlement;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.jdaboot.discord.DiscordRequests;
import io.github.jdaboot.discord.DiscordStartupException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.SKU;
import net.dv8tion.jda.api.entities.SKUType;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Checks the SKUs that handlers require against the application's SKUs on Discord. The
 * list is requested when the first gateway session is ready, beside the registration of
 * the commands, and startup waits for it after the gateway's own wait for that session
 * (bounded by {@code discord.startup-timeout}); a bot whose handlers require no SKU sends
 * no request. A required SKU the application does not have fails startup, naming the SKU
 * and the handlers that require it, as does the system-made group of a subscription
 * (entitlements are to the subscription's own SKU). When no session was ready at startup,
 * the check runs when one is and logs what it finds; when Discord does not answer, it is
 * skipped with a warning, since a bad answer is no bad configuration.
 */
public class SkuCheck implements EventListener, SmartLifecycle {

    /**
     * After the gateway's lifecycle ({@code DEFAULT_PHASE - 100}), which waits for the
     * first session.
     */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 90;

    private static final Logger log = LoggerFactory.getLogger(SkuCheck.class);

    private static final String WHERE = "the Developer Portal (the application, Monetization, SKUs)";

    private final RequiredSkus required;

    private final Duration timeout;

    private final Supplier<List<JDA>> sessions;

    private @Nullable CompletableFuture<List<SKU>> request;

    /** Whether startup is over: what the check finds from now on is logged. */
    private boolean late;

    private volatile boolean running;

    /**
     * The check.
     * @param timeout how long startup waits for Discord's list
     * ({@code discord.startup-timeout})
     * @param sessions the gateway sessions (the shard manager's), asked at startup for a
     * ready one when this check has not yet seen its ready event: the gateway's wait may
     * end on another listener's turn of the same event
     */
    public SkuCheck(RequiredSkus required, Duration timeout, Supplier<List<JDA>> sessions) {
        this.required = required;
        this.timeout = timeout;
        this.sessions = sessions;
    }

    @Override
    public void onEvent(GenericEvent event) {
        if (!(event instanceof ReadyEvent ready) || this.required.handlersBySku().isEmpty()) {
            return;
        }
        request(ready.getJDA());
    }

    /** Sends the request for the SKUs through the session, unless one was sent. */
    private void request(JDA session) {
        CompletableFuture<List<SKU>> sent;
        synchronized (this) {
            if (this.request != null) {
                return;
            }
            sent = new CompletableFuture<>();
            this.request = sent;
            if (this.late) {
                sent.whenComplete(this::checkLate);
            }
        }
        // queued on JDA's requester: nothing waits on JDA's event thread
        DiscordRequests.queue(session.retrieveSKUList(), sent::complete, sent::completeExceptionally);
    }

    @Override
    public void start() {
        this.running = true;
        if (this.required.handlersBySku().isEmpty()) {
            return;
        }
        // the gateway's wait ends on another listener's turn of the ready event, when the
        // session may not yet say CONNECTED and this check's turn may still be to come
        this.sessions.get()
            .stream()
            .filter((session) -> session.getStatus() == JDA.Status.LOADING_SUBSYSTEMS
                    || session.getStatus() == JDA.Status.CONNECTED)
            .findFirst()
            .ifPresent(this::request);
        CompletableFuture<List<SKU>> sent;
        synchronized (this) {
            if (this.late) {
                return;
            }
            this.late = true;
            sent = this.request;
            if (sent == null) {
                log.info("No Discord session is ready yet: the SKUs of @RequiresEntitlement are checked when one is");
                return;
            }
        }
        List<SKU> skus;
        try {
            skus = sent.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            log.warn("Discord did not list the application's SKUs within {} (discord.startup-timeout): the SKUs of"
                    + " @RequiresEntitlement are not checked", this.timeout);
            return;
        }
        catch (ExecutionException ex) {
            log.warn("Could not read the application's SKUs ({}): the SKUs of @RequiresEntitlement are not checked",
                    ex.getCause().toString());
            return;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return;
        }
        Optional<DiscordStartupException> problem = problem(skus);
        if (problem.isPresent()) {
            throw problem.get();
        }
        log.info("The SKUs of @RequiresEntitlement are the application's: {}",
                describe(skus, this.required.handlersBySku().keySet().stream().toList()));
    }

    private void checkLate(@Nullable List<SKU> skus, @Nullable Throwable failure) {
        if (failure != null || skus == null) {
            log.warn("Could not read the application's SKUs ({}): the SKUs of @RequiresEntitlement are not checked",
                    String.valueOf(failure));
            return;
        }
        problem(skus).ifPresent((problem) -> log.error("{} {}", problem.getMessage(), problem.getAction()));
    }

    /** What is wrong with the required SKUs, given the application's. */
    Optional<DiscordStartupException> problem(List<SKU> skus) {
        Map<String, SKU> byId = skus.stream()
            .collect(Collectors.toMap(SKU::getId, (sku) -> sku, (first, second) -> first));
        for (Map.Entry<String, List<String>> entry : this.required.handlersBySku().entrySet()) {
            String id = entry.getKey();
            String handlers = String.join(", ", entry.getValue());
            SKU sku = byId.get(id);
            if (sku == null) {
                return Optional.of(new DiscordStartupException(
                        "@RequiresEntitlement names SKU " + id + ", which the application does not have (required by "
                                + handlers + "). " + (skus.isEmpty() ? "The application has no SKUs."
                                        : "The application's SKUs: " + describe(skus, null) + "."),
                        "Set the SKU id (or the property it is read from) to one of the application's SKUs, listed in "
                                + WHERE + ", or create the SKU there."));
            }
            if (sku.getType() == SKUType.SUBSCRIPTION_GROUP) {
                String subscription = skus.stream()
                    .filter((other) -> other.getType() == SKUType.SUBSCRIPTION && other.getName().equals(sku.getName()))
                    .map(SKU::getId)
                    .findFirst()
                    .orElse("the one of type SUBSCRIPTION");
                return Optional.of(new DiscordStartupException("@RequiresEntitlement names SKU " + id + " ("
                        + sku.getName() + "), the group Discord makes for a subscription (required by " + handlers
                        + "); entitlements are to the subscription's own SKU, so nobody would ever have this one.",
                        "Use the subscription's SKU, " + subscription + ", instead (" + WHERE + ")."));
            }
        }
        return Optional.empty();
    }

    private static String describe(List<SKU> skus, @Nullable List<String> only) {
        return skus.stream()
            .filter((sku) -> only == null || only.contains(sku.getId()))
            .map((sku) -> sku.getId() + " (" + sku.getName() + ", " + sku.getType().name().toLowerCase(Locale.ROOT)
                    + ")")
            .collect(Collectors.joining(", "));
    }

    @Override
    public void stop() {
        this.running = false;
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

}
