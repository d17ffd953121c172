package io.github.jdaboot.interaction.form;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * The forms the bot opened and that were not submitted yet, per user and custom id: what
 * each offered, so that a submission can be checked against it. At most {@code max} are
 * kept (the least recently opened go first), each for {@code expireAfter}; a submission
 * of a form that is not kept (never opened for this user, submitted already, expired, or
 * opened before a restart) is refused politely, and its user asked to open it again.
 */
public class OfferedForms {

    private record Key(long userId, String customId) {
    }

    private record Kept(OfferedForm form, long expiresAt) {
    }

    private final Map<Key, Kept> forms;

    private final Duration expireAfter;

    private final Consumer<OfferedForm> check;

    private final LongSupplier nanoClock;

    /**
     * The forms.
     * @param max how many are kept at most ({@code discord.commands.forms.max-open})
     * @param expireAfter how long each is kept
     * ({@code discord.commands.forms.expire-after})
     * @param check checks a form as it is opened, against the handler that will take it;
     * throws when they do not fit
     */
    public OfferedForms(int max, Duration expireAfter, Consumer<OfferedForm> check) {
        this(max, expireAfter, check, System::nanoTime);
    }

    public OfferedForms(int max, Duration expireAfter, Consumer<OfferedForm> check, LongSupplier nanoClock) {
        this.forms = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
                return size() > max;
            }
        };
        this.expireAfter = expireAfter;
        this.check = check;
        this.nanoClock = nanoClock;
    }

    /**
     * Remembers a form opened for a user, after checking it against its handler; one
     * opened again replaces the one before.
     * @throws IllegalStateException when no handler takes the form, or the form does not
     * fit its handler's parameters
     */
    public void opened(long userId, OfferedForm form) {
        this.check.accept(form);
        Key key = new Key(userId, form.customId());
        synchronized (this.forms) {
            this.forms.remove(key);
            this.forms.put(key, new Kept(form, this.nanoClock.getAsLong() + this.expireAfter.toNanos()));
        }
    }

    /** The form opened for the user with this custom id, while it is kept; or null. */
    public @Nullable OfferedForm find(long userId, String customId) {
        Key key = new Key(userId, customId);
        synchronized (this.forms) {
            Kept kept = this.forms.get(key);
            if (kept == null) {
                return null;
            }
            if (kept.expiresAt() - this.nanoClock.getAsLong() <= 0) {
                this.forms.remove(key);
                return null;
            }
            return kept.form();
        }
    }

    /**
     * Forgets a form that was submitted: Discord closes it, so another submission of it
     * is a replay.
     */
    public void submitted(long userId, OfferedForm form) {
        synchronized (this.forms) {
            Kept kept = this.forms.get(new Key(userId, form.customId()));
            if (kept != null && kept.form() == form) {
                this.forms.remove(new Key(userId, form.customId()));
            }
        }
    }

    /** How many forms are kept. */
    public int size() {
        synchronized (this.forms) {
            return this.forms.size();
        }
    }

}
