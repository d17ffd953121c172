package io.github.jdaboot.discord.coordination;

import java.io.IOException;

import net.dv8tion.jda.api.JDA;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * OkHttp's last step before a request's bytes leave: a request of a session that may no
 * longer send ({@link ShardFleet#maySend}, checked already when JDA's rate limiter ran
 * it) fails here instead. A process paused between the two checks, long enough for its
 * lease to run out, sends nothing when it resumes. JDA sends each request on the thread
 * that runs it, which {@link SharedRestRateLimiter#SENDING} names.
 */
final class LeaseFencingInterceptor implements Interceptor {

    private final ShardFleet fleet;

    LeaseFencingInterceptor(ShardFleet fleet) {
        this.fleet = fleet;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        JDA sending = SharedRestRateLimiter.SENDING.get();
        if (sending != null && !this.fleet.maySend(sending)) {
            throw new IOException("Not sent: this process no longer holds the lease of "
                    + sending.getShardInfo().getShardString() + ", or could not renew it before its deadline");
        }
        return chain.proceed(chain.request());
    }

}
