package io.github.jdaboot.bench.jmh;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.jdaboot.bench.samefeature.SameFeatureBot;
import io.github.jdaboot.discord.DiscordRestCustomizer;
import net.dv8tion.jda.api.requests.RestConfig;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the application adds to each REST request JDA sends: an interaction's callback
 * ({@code POST /interactions/{id}/{token}/callback}) through OkHttp, answered by
 * {@link CannedDiscord} where the socket would be, with the application's
 * {@link DiscordRestCustomizer}s on the client (the {@code discord.rest.requests}
 * observation: a Prometheus timer by route template, status and rate-limit scope) and
 * without them. The difference is the observation's cost per request.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class RestObservationBenchmark {

    private static final MediaType JSON = MediaType.get("application/json");

    private static final String BODY = "{\"type\":4,\"data\":{\"content\":\"Okay, so how about this: a habit tracker\","
            + "\"allowed_mentions\":{\"parse\":[],\"replied_user\":false}}}";

    @State(Scope.Benchmark)
    public static class Clients {

        private ConfigurableApplicationContext context;

        private OkHttpClient observed;

        private OkHttpClient plain;

        @Setup(Level.Trial)
        public void start() {
            this.context = new SpringApplicationBuilder(SameFeatureBot.class,
                    InteractionPipelineBenchmark.Offline.class)
                .web(WebApplicationType.NONE)
                .run("--spring.main.banner-mode=off", "--logging.level.root=warn",
                        "--discord.token=bench-token-never-sent");
            OkHttpClient.Builder builder = new OkHttpClient.Builder();
            RestConfig restConfig = new RestConfig();
            this.context.getBeanProvider(DiscordRestCustomizer.class)
                .orderedStream()
                .forEach((customizer) -> customizer.customize(restConfig, builder));
            if (builder.interceptors().isEmpty()) {
                throw new IllegalStateException("The application added no interceptor to JDA's OkHttp client");
            }
            this.observed = builder.addInterceptor(new CannedDiscord()).build();
            this.plain = new OkHttpClient.Builder().addInterceptor(new CannedDiscord()).build();
        }

        @TearDown(Level.Trial)
        public void stop() {
            this.context.close();
        }

    }

    @Benchmark
    public int observed(Clients clients) throws IOException {
        return call(clients.observed);
    }

    @Benchmark
    public int plain(Clients clients) throws IOException {
        return call(clients.plain);
    }

    private static int call(OkHttpClient client) throws IOException {
        long id = ThreadLocalRandom.current().nextLong(1L << 50, 1L << 60);
        Request request = new Request.Builder()
            .url("http://127.0.0.1:9/api/v10/interactions/" + id + "/aW50ZXJhY3Rpb246" + id + "/callback")
            .post(RequestBody.create(BODY, JSON))
            .build();
        try (Response response = client.newCall(request).execute()) {
            return response.code();
        }
    }

}
