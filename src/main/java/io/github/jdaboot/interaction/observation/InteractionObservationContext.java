package io.github.jdaboot.interaction.observation;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link InteractionObservationConvention} sees of one handler run: its kind, the
 * handler's stable name, where it ran, and how it ended.
 */
public class InteractionObservationContext extends Observation.Context {

    private final String kind;

    private final String command;

    private final @Nullable String guildId;

    private @Nullable String outcome;

    private @Nullable CommandOutcome outcomeValue;

    /** When the run started, for {@link InteractionMeterObservationHandler}. */
    long startNanos;

    /** The run in progress, for {@link InteractionMeterObservationHandler}. */
    LongTaskTimer.@Nullable Sample activeSample;

    public InteractionObservationContext(String kind, String command, @Nullable String guildId) {
        this.kind = kind;
        this.command = command;
        this.guildId = guildId;
    }

    /**
     * What ran: {@code slash}, {@code prefix}, {@code user}, {@code message} (context
     * menus), {@code component}, {@code modal} or {@code autocomplete}.
     */
    public String getKind() {
        return this.kind;
    }

    /**
     * The handler's stable name: the command ({@code idea}, {@code tag add}) or the
     * component's id template.
     */
    public String getCommand() {
        return this.command;
    }

    /** The guild it ran in; null in a direct message. */
    public @Nullable String getGuildId() {
        return this.guildId;
    }

    /**
     * How it ended: {@code success}, {@code error}, {@code bad_input}, {@code cooldown}
     * or {@code denied}; null while it runs.
     */
    public @Nullable String getOutcome() {
        return this.outcome;
    }

    public void setOutcome(CommandOutcome outcome) {
        this.outcome = outcome.tag();
        this.outcomeValue = outcome;
    }

    /** How it ended, null while it runs. */
    @Nullable CommandOutcome outcome() {
        return this.outcomeValue;
    }

}
