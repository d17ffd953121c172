package io.github.jdaboot.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bot under test, as its own JVM process: its output goes to a log file, and the moments when watched
 * lines first appear are kept. CPU time comes from the operating system, memory from {@code /proc} and
 * {@code jcmd}.
 */
final class BotProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total.*?used (\\d+)K");

    private static final long CLOCK_TICKS_PER_SECOND = clockTicksPerSecond();

    private final String name;

    private final Process process;

    private final long startNanos;

    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    private final List<String> watched;

    private BotProcess(String name, Process process, long startNanos, List<String> watched) {
        this.name = name;
        this.process = process;
        this.startNanos = startNanos;
        this.watched = watched;
    }

    /** Starts the command; {@code watched} are substrings whose first appearance (and count) is recorded. */
    static BotProcess start(String name, List<String> command, Map<String, String> environment, Path log,
            List<String> watched) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf((key) -> key.startsWith("DISCORD_") || key.startsWith("JAVA_TOOL"));
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        BotProcess bot = new BotProcess(name, process, start, watched);
        Thread.ofVirtual().name(name + "-output").start(() -> bot.pump(log));
        return bot;
    }

    private void pump(Path log) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            String line;
            while ((line = reader.readLine()) != null) {
                long now = System.nanoTime();
                for (String marker : this.watched) {
                    if (line.contains(marker)) {
                        this.firstSeen.putIfAbsent(marker, now);
                        this.counts.computeIfAbsent(marker, (m) -> new AtomicInteger()).incrementAndGet();
                    }
                }
                out.println(line);
            }
        }
        catch (IOException ex) {
            // the process ended
        }
    }

    String name() {
        return this.name;
    }

    long pid() {
        return this.process.pid();
    }

    long startNanos() {
        return this.startNanos;
    }

    /** Time from process start to the first line containing the marker, waiting up to the timeout. */
    Duration awaitLine(String marker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Long seen = this.firstSeen.get(marker);
            if (seen != null) {
                return Duration.ofNanos(seen - this.startNanos);
            }
            if (!this.process.isAlive()) {
                throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
                        + " before printing '" + marker + "'");
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException(this.name + " did not print '" + marker + "' within " + timeout);
    }

    /** Time from process start until {@code GET url} answers 200, polling every 10 ms. */
    Duration awaitHttp200(String url, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
            while (System.nanoTime() < deadline) {
                try {
                    if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return Duration.ofNanos(System.nanoTime() - this.startNanos);
                    }
                }
                catch (IOException ex) {
                    // not listening yet
                }
                if (!this.process.isAlive()) {
                    throw new IllegalStateException(this.name + " exited before " + url + " answered 200");
                }
                Thread.sleep(10);
            }
        }
        throw new IllegalStateException(url + " did not answer 200 within " + timeout);
    }

    int count(String marker) {
        AtomicInteger count = this.counts.get(marker);
        return (count != null) ? count.get() : 0;
    }

    /**
     * User plus system CPU time the process has used so far: {@code utime + stime} from
     * {@code /proc/<pid>/stat} (fields 14 and 15, in clock ticks), all threads of the JVM included.
     */
    Duration cpuTime() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
        // the command name (field 2) is in parentheses and may contain spaces: count fields after it
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        return Duration.ofNanos(ticks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND);
    }

    /** {@code getconf CLK_TCK}: the unit of the times in {@code /proc/<pid>/stat}; 100 on Linux as a rule. */
    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String output = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return (getconf.waitFor() == 0) ? Long.parseLong(output) : 100;
        }
        catch (IOException | NumberFormatException ex) {
            return 100;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /** Resident set size from {@code /proc/<pid>/status}, in MB. */
    double rssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** Heap in use after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}), in MB: the live heap. */
    double liveHeapMegabytes() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher matcher = HEAP_USED.matcher(info);
        if (!matcher.find()) {
            throw new IllegalStateException("no heap figure in jcmd GC.heap_info: " + info);
        }
        return Long.parseLong(matcher.group(1)) / 1024.0;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command).redirectErrorStream(true)
            .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    boolean isAlive() {
        return this.process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        this.process.destroy();
        if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
            this.process.destroyForcibly();
            this.process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
