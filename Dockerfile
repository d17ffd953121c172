# A first container image for the bot. Build the jar first, outside the image:
#   ./mvnw package -DskipTests && docker build -t discord-bot .
# Run it with the token from the environment (never bake the token into the image):
#   docker run --rm -e DISCORD_TOKEN=... -p 8080:8080 discord-bot
ARG JAVA_IMAGE=eclipse-temurin:25-jre
FROM ${JAVA_IMAGE}
WORKDIR /app
RUN useradd --system --uid 10001 --no-create-home bot
COPY target/discord-bot-*.jar /app/app.jar
COPY application.yml /app/application.yml
USER 10001
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
