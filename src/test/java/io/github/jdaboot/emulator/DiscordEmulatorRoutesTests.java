package io.github.jdaboot.emulator;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.dv8tion.jda.api.requests.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every REST route JDA 6.5 knows ({@link Route}'s constants) is either served by the
 * emulator or listed in {@code docs/emulator.md} as not emulated, and each listed one
 * answers, over the wire, Discord's 404 body. A route added to JDA or to the emulator
 * without the list following fails here.
 */
@DisplayName("The emulator's routes against JDA's and the list of those it does not emulate")
class DiscordEmulatorRoutesTests {

    private static final Path DOCS = Path.of("docs", "emulator.md");

    /** The heading of the section that lists the routes the emulator does not emulate. */
    private static final String SECTION = "## Routes it does not emulate";

    /** A list item naming a route: {@code - `GET /voice/regions`}. */
    private static final Pattern LISTED = Pattern.compile("^- `([A-Z]+) (/\\S+)`", Pattern.MULTILINE);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DiscordEmulator discord;

    @BeforeEach
    void start() {
        this.discord = DiscordEmulator.builder().build().start();
        // one request for each route not emulated, faster than Discord's 50 a second
        this.discord.rest().globalRateLimit(10_000, Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() {
        this.discord.close();
    }

    @Test
    @DisplayName("each of JDA's routes is served or listed as not emulated, never both; the list names JDA routes")
    void servedOrListed() throws Exception {
        Set<String> jda = jdaRoutes();
        Set<String> served = new TreeSet<>();
        this.discord.rest().routes().forEach((route) -> served.add(blank(route)));
        Set<String> listed = listed();

        Set<String> missing = new TreeSet<>(jda);
        missing.removeAll(served);
        missing.removeAll(listed);
        Set<String> both = new TreeSet<>(listed);
        both.retainAll(served);
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(jda);

        assertThat(missing).as("JDA routes neither served nor listed in %s under \"%s\"", DOCS, SECTION).isEmpty();
        assertThat(both).as("routes listed as not emulated that the emulator serves").isEmpty();
        assertThat(stale).as("listed routes JDA does not have").isEmpty();
        System.out.println("JDA's " + jda.size() + " routes: " + jda.stream().filter(served::contains).count()
                + " served by the emulator, " + listed.size() + " listed as not emulated in " + DOCS);
    }

    @Test
    @DisplayName("every route listed as not emulated answers Discord's 404 body, whatever the method")
    void notEmulatedAnswers404() throws Exception {
        TreeMap<String, String> answers = new TreeMap<>();
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String route : listed()) {
                String method = route.substring(0, route.indexOf(' '));
                String path = route.substring(route.indexOf(' ') + 2).replace("{}", "1");
                HttpResponse<String> response = http
                    .send(HttpRequest.newBuilder(URI.create(this.discord.restUrl() + path))
                        .header("Authorization", "Bot " + this.discord.token())
                        .method(method, method.equals("GET") ? BodyPublishers.noBody() : BodyPublishers.ofString("{}"))
                        .build(), BodyHandlers.ofString());
                answers.put(route, response.statusCode() + " " + JSON.readTree(response.body()));
            }
        }
        assertThat(answers).isNotEmpty()
            .allSatisfy((route, answer) -> assertThat(answer).as(route)
                .isEqualTo("404 {\"code\":0,\"message\":\"404: Not Found\"}"));
    }

    /** JDA's routes, as {@code METHOD /template} with the parameters blanked. */
    static Set<String> jdaRoutes() throws IllegalAccessException {
        Set<String> routes = new TreeSet<>();
        for (Class<?> group : Route.class.getClasses()) {
            for (Field field : group.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == Route.class) {
                    Route route = (Route) field.get(null);
                    routes.add(blank(route.getMethod() + " /" + route.getRoute()));
                }
            }
        }
        return routes;
    }

    /** The routes listed in the docs as not emulated. */
    static Set<String> listed() throws IOException {
        String docs = Files.readString(DOCS);
        int start = docs.indexOf(SECTION);
        assertThat(start).as("%s has a section \"%s\"", DOCS, SECTION).isNotNegative();
        int end = docs.indexOf("\n## ", start + SECTION.length());
        Matcher matcher = LISTED.matcher(docs.substring(start, (end < 0) ? docs.length() : end));
        Set<String> listed = new TreeSet<>();
        while (matcher.find()) {
            listed.add(blank(matcher.group(1) + " " + matcher.group(2)));
        }
        return listed;
    }

    private static String blank(String route) {
        return route.replaceAll("\\{[^}/]+}", "{}");
    }

}
