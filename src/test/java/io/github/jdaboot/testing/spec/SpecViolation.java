package io.github.jdaboot.testing.spec;

/**
 * Something the emulator sent that Discord's OpenAPI spec does not allow.
 *
 * @param subject what was sent: a REST response ({@code GET /channels/{channel_id} ->
 * 200}) or a part of a gateway dispatch ({@code MESSAGE_CREATE /member as
 * /components/schemas/GuildMemberResponse})
 * @param problem where in the JSON, what is wrong, and the rule in the spec
 * @param json what was sent, shortened
 */
public record SpecViolation(String subject, OpenApiSpec.Problem problem, String json) {

    private static final int SHOWN = 400;

    static SpecViolation of(String subject, OpenApiSpec.Problem problem, String json) {
        return new SpecViolation(subject, problem,
                (json.length() > SHOWN) ? json.substring(0, SHOWN) + "... (" + json.length() + " characters)" : json);
    }

    @Override
    public String toString() {
        return this.subject + ": " + this.problem + "\n      sent: " + this.json;
    }

}
