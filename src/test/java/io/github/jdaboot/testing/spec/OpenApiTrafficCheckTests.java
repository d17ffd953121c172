package io.github.jdaboot.testing.spec;

import java.util.List;

import io.github.jdaboot.emulator.GatewayEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's check of the emulator's traffic catches what breaks Discord's spec, names
 * it precisely, and lets what the spec allows through.
 */
@DisplayName("The check of the emulator's traffic against Discord's spec")
class OpenApiTrafficCheckTests {

    private static final String USER = """
            {"id": "80351110224678912", "username": "alice", "discriminator": "0", "global_name": "alice",
             "avatar": null, "public_flags": 0, "flags": 0, "primary_guild": null}""";

    private final OpenApiTrafficCheck check = new OpenApiTrafficCheck();

    @AfterEach
    void nothingLeftForTheExtension() {
        SpecViolations.take();
    }

    @Test
    @DisplayName("a response that breaks its operation's schema: route, status, JSON pointer and rule named")
    void badResponse() {
        this.check.response("GET", "/users/{user_id}", "/users/80351110224678912", 200,
                USER.replace("\"80351110224678912\"", "80351110224678912"));

        List<SpecViolation> violations = SpecViolations.take().violations();

        assertThat(violations).isNotEmpty().allSatisfy((violation) -> {
            assertThat(violation.subject()).isEqualTo("GET /users/{user_id} -> 200");
            assertThat(violation.problem().pointer()).isEqualTo("/id");
            assertThat(violation.problem().schema()).startsWith("#/components/schemas/");
        });
        assertThat(violations.getFirst().toString()).contains("GET /users/{user_id} -> 200: /id:", "sent: {");
    }

    @Test
    @DisplayName("a response the spec allows passes, with the emulator's own names for path parameters")
    void goodResponse() {
        this.check.response("GET", "/users/{user_id}", "/users/80351110224678912", 200, USER);
        this.check.response("DELETE", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
                "/channels/1/messages/2/reactions/%F0%9F%91%8D/@me", 204, "");

        assertThat(SpecViolations.take().violations()).isEmpty();
    }

    @Test
    @DisplayName("a status the spec does not declare for the operation is a violation")
    void undeclaredStatus() {
        this.check.response("GET", "/users/{user_id}", "/users/80351110224678912", 201, USER);

        assertThat(SpecViolations.take().violations()).singleElement()
            .satisfies((violation) -> assertThat(violation.problem().message()).contains("declares no response"));
    }

    @Test
    @DisplayName("an unknown route's 404 must be Discord's error body; a route the spec has is found by its path")
    void unknownRoutes() {
        this.check.response("GET", null, "/no/such/route", 404, "{\"message\": \"404: Not Found\", \"code\": 0}");
        this.check.response("PATCH", null, "/users/@me", 404, "{\"message\": \"404: Not Found\", \"code\": 0}");
        assertThat(SpecViolations.take().violations()).isEmpty();

        this.check.response("GET", null, "/no/such/route", 404, "{\"message\": 404}");
        assertThat(SpecViolations.take().violations()).isNotEmpty()
            .allSatisfy((violation) -> assertThat(violation.subject()).isEqualTo("GET /no/such/route -> 404"));
    }

    @Test
    @DisplayName("a dispatch's objects are checked against their REST schemas, a partial member with its user")
    void dispatches() {
        String member = "{\"roles\": [], \"joined_at\": \"2026-12-01T12:00:00.000000+00:00\", \"deaf\": false, "
                + "\"mute\": false, \"flags\": 0, \"pending\": false, \"nick\": null, \"avatar\": null, "
                + "\"banner\": null, \"premium_since\": null, \"communication_disabled_until\": null}";
        String typing = "{\"channel_id\": \"1\", \"user_id\": \"80351110224678912\", \"timestamp\": 1, "
                + "\"guild_id\": \"2\", \"member\": "
                + member.replace("{\"roles\"", "{\"user\": " + USER + ", \"roles\"") + "}";
        this.check.dispatch(GatewayEvent.TYPING_START, typing);
        assertThat(SpecViolations.take().violations()).isEmpty();

        this.check.dispatch(GatewayEvent.TYPING_START, typing.replace("\"roles\": []", "\"roles\": [7]"));
        assertThat(SpecViolations.take().violations()).isNotEmpty().allSatisfy((violation) -> {
            assertThat(violation.subject())
                .isEqualTo("TYPING_START /member as /components/schemas/GuildMemberResponse");
            assertThat(violation.problem().pointer()).isEqualTo("/roles/0");
        });
    }

    @Test
    @DisplayName("events the REST spec has no schema for are not checked")
    void eventsWithoutSchema() {
        for (GatewayEvent event : GatewaySchemas.WITHOUT_SCHEMA) {
            this.check.dispatch(event, "{\"id\": \"not even a snowflake\"}");
        }

        assertThat(SpecViolations.take().violations()).isEmpty();
    }

}
