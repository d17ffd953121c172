package io.github.jdaboot.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.Route;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * A request handed to a {@link RestRateLimiter} that forwards every call to the request
 * as JDA made it, for rate limiters that wrap JDA's: a subclass overrides only what it
 * adds to (sending, cancelling).
 */
public abstract class ForwardingRestWork implements RestRateLimiter.Work {

    private final RestRateLimiter.Work delegate;

    /**
     * Forwards to this request.
     * @param delegate the request as JDA made it
     */
    protected ForwardingRestWork(RestRateLimiter.Work delegate) {
        this.delegate = delegate;
    }

    /** The request as JDA made it. */
    protected final RestRateLimiter.Work delegate() {
        return this.delegate;
    }

    @Override
    public Route.CompiledRoute getRoute() {
        return this.delegate.getRoute();
    }

    @Override
    public JDA getJDA() {
        return this.delegate.getJDA();
    }

    @Override
    public @Nullable Response execute() {
        return this.delegate.execute();
    }

    @Override
    public boolean isSkipped() {
        return this.delegate.isSkipped();
    }

    @Override
    public boolean isDone() {
        return this.delegate.isDone();
    }

    @Override
    public boolean isPriority() {
        return this.delegate.isPriority();
    }

    @Override
    public boolean isCancelled() {
        return this.delegate.isCancelled();
    }

    @Override
    public void cancel() {
        this.delegate.cancel();
    }

}
