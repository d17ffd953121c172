package io.github.jdaboot.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * The harness's own stop-the-world GC pauses, as its collectors' MX beans count them
 * (ZGC: the "Pauses" beans, not the concurrent "Cycles"; G1: the young and old
 * generations). The emulator runs in the harness: a pause there holds back the messages
 * it sends, which then go out at once to catch up the pace, and lengthens every latency
 * in flight, so a measured phase's figures are the bot's only while this stays near zero.
 */
final class HarnessPauses {

    private final long count;

    private final long millis;

    private HarnessPauses(long count, long millis) {
        this.count = count;
        this.millis = millis;
    }

    static HarnessPauses now() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : pausing()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new HarnessPauses(count, millis);
    }

    /** The pauses since {@code before}, as a phrase for the harness's output. */
    String since(HarnessPauses before) {
        return String.format(Locale.ROOT, "%d, %d ms in all", this.count - before.count, this.millis - before.millis);
    }

    private static List<GarbageCollectorMXBean> pausing() {
        return ManagementFactory.getGarbageCollectorMXBeans()
            .stream()
            .filter((collector) -> !collector.getName().contains("Cycles")
                    && !collector.getName().contains("Concurrent"))
            .toList();
    }

}
