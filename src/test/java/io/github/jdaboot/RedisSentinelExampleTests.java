package io.github.jdaboot;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.jdaboot.testing.Program;
import io.github.jdaboot.testing.RequiresPrograms;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The configuration files of {@code deploy/redis-sentinel.yaml}, with its hosts replaced
 * by loopback addresses, start in Debian's {@code redis-server} and
 * {@code redis-sentinel} (the versions the fault tests run), and the Sentinel finds the
 * primary by the name the bot asks for.
 */
@DisplayName("The Redis with Sentinel example's configuration")
@RequiresPrograms({ Program.REDIS_SERVER, Program.REDIS_SENTINEL })
class RedisSentinelExampleTests {

    @Test
    @DisplayName("starts in redis-server and redis-sentinel, and the Sentinel names the primary")
    void starts(@TempDir Path directory) throws Exception {
        Map<String, Object> data = configuration();
        int port = freePort();
        Path redisConf = Files.writeString(directory.resolve("redis.conf"),
                data.get("redis.conf").toString().replace("${ANNOUNCE_HOST}", "127.0.0.1"));
        int sentinelPort = freePort();
        Path sentinelConf = Files.writeString(directory.resolve("sentinel.conf"),
                data.get("sentinel.conf")
                    .toString()
                    .replace("${ANNOUNCE_HOST}", "127.0.0.1")
                    .replace("${PRIMARY_HOST}", "127.0.0.1")
                    .replace("${PRIMARY_PORT}", Integer.toString(port)));
        List<Process> started = new ArrayList<>();
        try {
            started.add(new ProcessBuilder(Program.REDIS_SERVER.path().toString(), redisConf.toString(), "--port",
                    Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--dir", directory.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("redis.log").toFile())
                .start());
            started.add(new ProcessBuilder(Program.REDIS_SENTINEL.path().toString(), sentinelConf.toString(), "--port",
                    Integer.toString(sentinelPort), "--bind", "127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("sentinel.log").toFile())
                .start());
            await("the Sentinel names the primary").atMost(Timeouts.ANSWER)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    assertThat(started)
                        .allSatisfy((process) -> assertThat(process.isAlive())
                            .as(Files.readString(directory.resolve("redis.log"))
                                    + Files.readString(directory.resolve("sentinel.log")))
                            .isTrue());
                    assertThat(masterAddress(sentinelPort)).contains(Integer.toString(port));
                });
        }
        finally {
            for (Process process : started) {
                process.destroy();
                process.waitFor(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> configuration() throws IOException {
        for (Object document : new Yaml().loadAll(Files.readString(Path.of("deploy/redis-sentinel.yaml")))) {
            Map<String, Object> map = (Map<String, Object>) document;
            if ("ConfigMap".equals(map.get("kind"))) {
                return (Map<String, Object>) map.get("data");
            }
        }
        throw new IllegalStateException("deploy/redis-sentinel.yaml has no ConfigMap");
    }

    private static String masterAddress(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2000);
            socket.getOutputStream()
                .write("SENTINEL get-master-addr-by-name discord\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = new byte[256];
            int read = socket.getInputStream().read(answer);
            return (read > 0) ? new String(answer, 0, read, StandardCharsets.US_ASCII) : "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
