package io.github.jdaboot.discord;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;

/**
 * The thread factory of the shard manager's own executor (the one that starts shards):
 * holds that thread back until {@code login()} has returned, so that a shard stopped and
 * started again is not queued for a worker that already ended (README, "Known JDA
 * issues": the shard manager's worker race).
 */
final class ShardStartGate implements ThreadFactory, AutoCloseable {

    private final CountDownLatch opened = new CountDownLatch(1);

    @Override
    public Thread newThread(Runnable work) {
        return new Thread(() -> {
            try {
                this.opened.await();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            work.run();
        }, "DefaultShardManager");
    }

    /**
     * Lets the shard manager's thread run; called once {@code login()} has returned (or
     * failed).
     */
    void open() {
        this.opened.countDown();
    }

    /**
     * Opens the gate when the context closes, after the shard manager's
     * {@code shutdown()}, which hands its last task to this thread: without a login the
     * thread must not wait forever.
     */
    @Override
    public void close() {
        open();
    }

}
