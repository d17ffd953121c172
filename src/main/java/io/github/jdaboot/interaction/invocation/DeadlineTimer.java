package io.github.jdaboot.interaction.invocation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The framework's deadlines: an interaction deferred when its handler is slow
 * ({@code discord.commands.defer-after}), suggestions answered with none when they take
 * too long ({@code discord.commands.autocomplete-timeout}). Nearly every deadline is
 * cancelled long before it is due (the run answers in time), so scheduling and cancelling
 * must cost next to nothing on the run's path.
 * <p>
 * The delays are few and fixed (the two settings), so each gets a first-in first-out
 * queue, whose order is then the order of the due times: scheduling appends to it (no
 * lock, no heap to sift, unlike {@code ScheduledThreadPoolExecutor}, whose one locked
 * queue every run contended for, and whose thread woke for every run); cancelling only
 * forgets the task (the small entry leaves its queue when due). One thread runs the due
 * tasks: it sleeps until the earliest head is due, at least {@link #TICK} at a time, so a
 * task may run up to that late. Tasks must be quick and must not block (the framework's
 * queue a request with JDA). Written here rather than taken from a library: Netty's
 * {@code HashedWheelTimer} is not on the application's class path, and a wheel buys
 * nothing when the delays are fixed.
 */
public class DeadlineTimer implements AutoCloseable {

    /**
     * The longest a due task waits for its turn: the thread sleeps at least this long, so
     * that it wakes a bounded number of times a second however many runs come.
     */
    static final Duration TICK = Duration.ofMillis(10);

    private static final Logger log = LoggerFactory.getLogger(DeadlineTimer.class);

    private static final long TICK_NANOS = TICK.toNanos();

    private final Thread thread;

    /** One queue per delay, in the order the delays were first used. */
    private volatile Lane[] lanes = new Lane[0];

    /**
     * When the thread will next look, as {@link System#nanoTime()};
     * {@link Long#MAX_VALUE} while it waits for a first deadline.
     */
    private volatile long wakeAt = Long.MAX_VALUE;

    private volatile boolean closed;

    /**
     * A timer whose thread ({@code name}, a daemon) starts now.
     * @param name the thread's name
     */
    public DeadlineTimer(String name) {
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
        this.thread.start();
    }

    /**
     * Runs the task after the delay, unless cancelled before.
     * @param delay how long from now; a handful of different delays are expected (each
     * gets a queue of its own)
     * @param task what to run then, quickly, on the timer's thread
     * @return what cancels it
     */
    public Deadline schedule(Duration delay, Runnable task) {
        long delayNanos = Math.max(0, delay.toNanos());
        Deadline deadline = new Deadline(System.nanoTime() + delayNanos, task);
        lane(delayNanos).queue.offer(deadline);
        if (deadline.due - this.wakeAt < 0) {
            // due before the thread looks next (its first deadline, or a shorter delay)
            LockSupport.unpark(this.thread);
        }
        return deadline;
    }

    private Lane lane(long delayNanos) {
        for (Lane lane : this.lanes) {
            if (lane.delayNanos == delayNanos) {
                return lane;
            }
        }
        return addLane(delayNanos);
    }

    private synchronized Lane addLane(long delayNanos) {
        Lane[] known = this.lanes;
        for (Lane lane : known) {
            if (lane.delayNanos == delayNanos) {
                return lane;
            }
        }
        Lane lane = new Lane(delayNanos);
        Lane[] grown = Arrays.copyOf(known, known.length + 1);
        grown[known.length] = lane;
        this.lanes = grown;
        return lane;
    }

    /** How many deadlines wait in the queues, cancelled ones included (for tests). */
    int pending() {
        int pending = 0;
        for (Lane lane : this.lanes) {
            pending += lane.queue.size();
        }
        return pending;
    }

    private void run() {
        while (!this.closed) {
            long now = System.nanoTime();
            long next = Long.MAX_VALUE;
            for (Lane lane : this.lanes) {
                Deadline head;
                while ((head = lane.queue.peek()) != null) {
                    if (head.due - now > 0) {
                        next = (next == Long.MAX_VALUE || head.due - next < 0) ? head.due : next;
                        break;
                    }
                    lane.queue.poll();
                    runTask(head.take());
                }
            }
            long wakeAt = (next == Long.MAX_VALUE) ? Long.MAX_VALUE : now + Math.max(next - now, TICK_NANOS);
            this.wakeAt = wakeAt;
            // a deadline scheduled meanwhile, due before the earliest seen, may have read
            // the wakeAt of before
            if (anyDueBefore(next)) {
                continue;
            }
            if (wakeAt == Long.MAX_VALUE) {
                LockSupport.park(this); // until a deadline comes (schedule unparks)
            }
            else {
                LockSupport.parkNanos(this, wakeAt - now);
            }
        }
    }

    /**
     * Whether a queue's head is due before the time ({@link Long#MAX_VALUE}: whether any
     * deadline waits at all).
     */
    private boolean anyDueBefore(long time) {
        for (Lane lane : this.lanes) {
            Deadline head = lane.queue.peek();
            if (head != null && (time == Long.MAX_VALUE || head.due - time < 0)) {
                return true;
            }
        }
        return false;
    }

    private static void runTask(@Nullable Runnable task) {
        if (task == null) {
            return; // cancelled
        }
        try {
            task.run();
        }
        catch (Throwable failure) {
            log.error("A deadline's task failed", failure);
        }
    }

    /** Stops the thread; deadlines not yet due never run. */
    @Override
    public void close() {
        this.closed = true;
        LockSupport.unpark(this.thread);
    }

    /** A scheduled task. */
    public static final class Deadline {

        private static final VarHandle TASK;

        static {
            try {
                TASK = MethodHandles.lookup().findVarHandle(Deadline.class, "task", Runnable.class);
            }
            catch (ReflectiveOperationException ex) {
                throw new ExceptionInInitializerError(ex);
            }
        }

        private final long due;

        @SuppressWarnings("unused") // through TASK
        private volatile @Nullable Runnable task;

        Deadline(long due, Runnable task) {
            this.due = due;
            this.task = task;
        }

        /**
         * Cancels the task unless it has run (or is running).
         * @return whether this call cancelled it
         */
        public boolean cancel() {
            return take() != null;
        }

        /** Whether it is still to run. */
        public boolean isPending() {
            return this.task != null;
        }

        /** The task, once: to run it or to cancel it. */
        @Nullable Runnable take() {
            return (Runnable) TASK.getAndSet(this, (Runnable) null);
        }

    }

    private static final class Lane {

        private final long delayNanos;

        private final ConcurrentLinkedQueue<Deadline> queue = new ConcurrentLinkedQueue<>();

        Lane(long delayNanos) {
            this.delayNanos = delayNanos;
        }

    }

}
