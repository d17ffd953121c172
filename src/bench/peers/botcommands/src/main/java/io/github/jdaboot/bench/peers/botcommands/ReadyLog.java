package io.github.jdaboot.bench.peers.botcommands;

import io.github.freya022.botcommands.api.core.annotations.BEventListener;
import io.github.freya022.botcommands.api.core.service.annotations.BService;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The line the benchmark waits for, as the baseline logs it. */
@BService
public class ReadyLog {

    private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

    @BEventListener
    public void onReady(ReadyEvent event) {
        log.info("Logged on as {}", event.getJDA().getSelfUser().getName());
    }

}
