package io.github.jdaboot.discord;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;

/**
 * The thread factory of the shard manager's own executor (the one that starts shards), holding that
 * thread back until {@code login()} has returned.
 * <p>
 * {@code DefaultShardManager.login()} submits its queue worker and only then stores the worker's
 * future in a field, outside the lock that the worker takes to clear that field when it ends. With one
 * shard the worker has nothing to do, so it can end first: the field then keeps a finished future
 * forever, and every later {@code start(shardId)} sees a worker "running" and queues the shard for
 * nobody. The shards closed by a context stop then never come back (seen in CI, and confirmed in a heap
 * dump: a done future in {@code worker}, no shard). Starting the worker only after {@code login()}
 * returned closes that window.
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

    /** Lets the shard manager's thread run; called once {@code login()} has returned (or failed). */
    void open() {
        this.opened.countDown();
    }

    /**
     * Opens the gate when the context closes, after the shard manager's {@code shutdown()}, which hands its
     * last task to this thread: without a login the thread must not wait forever.
     */
    @Override
    public void close() {
        open();
    }
}
