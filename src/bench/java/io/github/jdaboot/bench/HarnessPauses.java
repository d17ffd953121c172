package io.github.jdaboot.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * The harness's own stop-the-world GC pauses, as its collectors' MX beans count them (G1:
 * the young and old generations, not the concurrent cycles; ZGC: the "Pauses" beans). The
 * emulator runs in the harness: a pause there lengthens the latency of what is in flight
 * and holds back the messages it sends (the pace then goes on from there, see
 * {@code Traffic}), so the output says how many there were in each measured phase.
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
