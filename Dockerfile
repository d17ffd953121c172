# The bot's container image. The jar is built outside the image, then copied in:
#
#   ./mvnw package -DskipTests
#   docker build -t discord-bot .
#   docker run --rm -e DISCORD_TOKEN -p 8080:8080 discord-bot
#
# The token comes from the environment (DISCORD_TOKEN) or from a mounted secret file
# (DISCORD_TOKEN_FILE=/run/secrets/discord-token); it is never part of the image.
#
# JAVA_IMAGE is any JRE 25 image that has bash and useradd (CI passes a stand-in built from Debian's
# openjdk-25-jre-headless, see scripts/container-test.sh).
ARG JAVA_IMAGE=eclipse-temurin:25-jre

# ---- 1. Split the executable jar into its layers (Spring Boot's jarmode "tools") ----------------------
FROM ${JAVA_IMAGE} AS layers
WORKDIR /build
COPY target/discord-bot-*.jar application.jar
# The layers hold jars, not exploded classes: the JVM's AOT cache only covers classes loaded from jars.
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

# ---- 2. The runtime image -------------------------------------------------------------------------------
FROM ${JAVA_IMAGE}
RUN useradd --system --uid 10001 --user-group --home-dir /nonexistent --no-create-home \
        --shell /usr/sbin/nologin bot
WORKDIR /app
# Least likely to change first: a code change rebuilds only the last layer (and the AOT cache after it).
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./

# AOT cache (JDK 25, JEP 514/515): a training run that starts the Spring context and exits as soon as it
# has refreshed (spring.context.exit=onRefresh). JDA connects only when the lifecycle beans start, after
# the refresh, so the training run never contacts Discord (scripts/container-test.sh proves it against the
# emulator); it gets a placeholder token and, for good measure, Discord URLs where nothing listens.
RUN java -XX:AOTCacheOutput=app.aot -Xlog:aot=error -Dspring.context.exit=onRefresh \
        -Ddiscord.token=aot-training-run-placeholder -Ddiscord.rest-url=http://127.0.0.1:9/api/v10/ \
        -Ddiscord.gateway-url=ws://127.0.0.1:9/ -Dspring.main.banner-mode=off -Dlogging.level.root=warn \
        -jar application.jar

USER 10001:10001
EXPOSE 8080
# Docker's health check (podman needs --format docker to keep it): the overall health, which includes the
# Discord connection. Plain bash, because a JRE image has no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8080} && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && read -r _ status _ <&3 && [ \"$status\" = 200 ]"]
# Exec form: the JVM is PID 1 and gets SIGTERM itself, so the bot finishes running commands and closes
# its Discord session before it exits. Add JVM options with JAVA_TOOL_OPTIONS, Spring Boot options as
# arguments or environment variables.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:AOTCache=app.aot", "-jar", "application.jar"]
