package io.github.jdaboot.interaction.dispatch;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs each command on its own virtual thread, so any number of slow handlers wait
 * concurrently and none holds up JDA's event thread or the gateway heartbeat. The thread
 * ends with the handler; its replies may still be on their way (JDA sends one request per
 * channel at a time), and the command counts as running until they are sent. At most
 * {@code max-concurrent} run at once; beyond that a command is refused at once instead of
 * queueing without bound.
 * <p>
 * On shutdown it stops taking commands, waits for the running ones and their replies
 * (bounded by {@code discord.commands.shutdown-timeout}) before JDA closes the session,
 * and names every command it had to interrupt.
 */
public class CommandExecutor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommandExecutor.class);

    /**
     * How long interrupted commands get to send their apology before the session closes.
     */
    private static final Duration INTERRUPTED_GRACE = Duration.ofSeconds(3);

    /** How long a run on its caller's thread may take before a warning says it waits. */
    static final Duration BLOCKED_WARNING = Duration.ofMillis(250);

    private static final long BLOCKED_WARNING_NANOS = BLOCKED_WARNING.toNanos();

    /**
     * One name for all: numbering each thread would build a string per command, and the
     * shutdown log names commands by what they are ({@code /idea}), not by thread.
     */
    private final ThreadFactory threads = Thread.ofVirtual().name("command").factory();

    private final Semaphore permits;

    private final Duration shutdownTimeout;

    private final Map<Thread, String> running = new ConcurrentHashMap<>();

    private final Map<CompletableFuture<?>, String> sending = new ConcurrentHashMap<>();

    private final ReentrantLock lock = new ReentrantLock();

    private final Condition idle = this.lock.newCondition();

    /** How many runs are on their callers' threads now ({@link #runHere}). */
    private final AtomicInteger inline = new AtomicInteger();

    private final Set<String> warnedBlocking = ConcurrentHashMap.newKeySet();

    private final boolean runsHere;

    private volatile boolean accepting = true;

    private volatile boolean started;

    public CommandExecutor(int maxConcurrent, Duration shutdownTimeout) {
        this(maxConcurrent, shutdownTimeout, true);
    }

    /**
     * The executor.
     * @param maxConcurrent at most this many run at once (replies being sent included)
     * @param shutdownTimeout how long shutdown waits for them
     * @param runsHere whether {@link #runHere} runs on the caller's thread; false: on a
     * virtual thread, as {@link #submit} does
     */
    public CommandExecutor(int maxConcurrent, Duration shutdownTimeout, boolean runsHere) {
        this.permits = new Semaphore(maxConcurrent);
        this.shutdownTimeout = shutdownTimeout;
        this.runsHere = runsHere;
    }

    /**
     * Starts the task on a new virtual thread.
     * @param description what runs, for the shutdown log
     * @param task the command; it returns what completes when its replies are sent
     * @return false when the executor is at capacity or shutting down; the task did not
     * start
     */
    boolean submit(String description, Supplier<? extends CompletionStage<?>> task) {
        if (!this.accepting || !this.permits.tryAcquire()) {
            return false;
        }
        Thread thread = this.threads.newThread(() -> {
            CompletableFuture<?> replies = null;
            try {
                replies = task.get().toCompletableFuture();
            }
            finally {
                Thread self = Thread.currentThread();
                ended(replies, description, () -> this.running.remove(self));
            }
        });
        this.running.put(thread, description);
        thread.start();
        return true;
    }

    /**
     * Runs the task on the calling thread (a {@code @NonBlocking} handler's, on JDA's
     * event thread; on a virtual thread when the executor does not run tasks here,
     * {@code discord.commands.non-blocking-on-event-thread}), counted as {@link #submit}
     * counts it; logs a warning, once per handler, when it took longer than
     * {@link #BLOCKED_WARNING}.
     * @param description what runs, for the shutdown log and the warning
     * @param handler the handler that runs ({@code IdeaCommands.idea}), for the warning
     * @param task the command; it returns what completes when its replies are sent
     * @return false when the executor is at capacity or shutting down; the task did not
     * run
     */
    boolean runHere(String description, String handler, Supplier<? extends CompletionStage<?>> task) {
        // JDA interrupts its gateway thread when it drops the connection (missed
        // heartbeats, a reconnect) and still dispatches what it had read on it; its
        // request queue takes nothing from an interrupted thread when another holds its
        // lock, so such a run gets a thread of its own
        if (!this.runsHere || Thread.currentThread().isInterrupted()) {
            return submit(description, task);
        }
        if (!this.accepting || !this.permits.tryAcquire()) {
            return false;
        }
        this.inline.incrementAndGet();
        long start = System.nanoTime();
        CompletableFuture<?> replies = null;
        try {
            replies = task.get().toCompletableFuture();
        }
        finally {
            long took = System.nanoTime() - start;
            ended(replies, description, this.inline::decrementAndGet);
            if (took > BLOCKED_WARNING_NANOS && this.warnedBlocking.add(handler)) {
                log.warn(
                        "{} ran {} ms for {} on {}, a thread that reads Discord's events: a @NonBlocking handler"
                                + " must not wait (no I/O, sleep or complete()); remove @NonBlocking to give its runs"
                                + " their own virtual thread",
                        handler, TimeUnit.NANOSECONDS.toMillis(took), description, Thread.currentThread().getName());
            }
        }
        return true;
    }

    /**
     * A run's task returned: it stops counting once its replies are sent (counted as
     * sending before it is taken off the running ones, so that shutdown never sees a
     * gap).
     * @param unregister takes the run off the running ones
     */
    private void ended(@Nullable CompletableFuture<?> replies, String description, Runnable unregister) {
        if (replies != null && !replies.isDone()) {
            // still counted, so that shutdown waits for the replies too
            this.sending.put(replies, description);
            unregister.run();
            replies.whenComplete((result, failure) -> {
                this.sending.remove(replies);
                finished();
            });
        }
        else {
            unregister.run();
            finished();
        }
    }

    private void finished() {
        this.permits.release();
        if (this.accepting) {
            // nobody waits for the commands to end: only stop() does, after it set
            // accepting (and it checks again under the lock before each wait)
            return;
        }
        this.lock.lock();
        try {
            this.idle.signalAll();
        }
        finally {
            this.lock.unlock();
        }
    }

    /** How many commands are running now. */
    int active() {
        return this.running.size() + this.inline.get();
    }

    /**
     * Whether {@link #runHere} runs on the caller's thread
     * ({@code discord.commands.non-blocking-on-event-thread}).
     */
    public boolean runsHere() {
        return this.runsHere;
    }

    public boolean isAccepting() {
        return this.accepting;
    }

    @Override
    public void start() {
        this.accepting = true;
        this.started = true;
    }

    @Override
    public void stop() {
        this.accepting = false;
        this.started = false;
        if (isIdle()) {
            return;
        }
        log.info("Waiting up to {} for {} running command(s) to finish{}", this.shutdownTimeout, this.running.size(),
                this.sending.isEmpty() ? "" : " (and for the replies of " + this.sending.size() + " more)");
        awaitIdle(System.nanoTime() + this.shutdownTimeout.toNanos());
        if (isIdle()) {
            log.info("All running commands finished");
            return;
        }
        this.running.forEach((thread, description) -> {
            log.warn("Interrupting {}: still running after {} (discord.commands.shutdown-timeout)", description,
                    this.shutdownTimeout);
            thread.interrupt();
        });
        // give the interrupted commands a moment to tell their users, before the session
        // closes
        awaitIdle(System.nanoTime() + INTERRUPTED_GRACE.toNanos());
        this.running.values().forEach((description) -> log.warn("{} did not end after being interrupted", description));
        this.sending.values().forEach((description) -> log.warn("The replies of {} were not all sent", description));
    }

    private boolean isIdle() {
        return this.running.isEmpty() && this.inline.get() == 0 && this.sending.isEmpty();
    }

    private void awaitIdle(long deadline) {
        this.lock.lock();
        try {
            while (!isIdle()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                this.idle.await(left, TimeUnit.NANOSECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        finally {
            this.lock.unlock();
        }
    }

    @Override
    public boolean isRunning() {
        return this.started;
    }

    /**
     * Stops before the Discord gateway lifecycle, so replies can still be sent while
     * draining.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

}
