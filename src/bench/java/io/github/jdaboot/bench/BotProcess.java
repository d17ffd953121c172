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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bot under test, as its own JVM process: its output goes to a log file, and the
 * moments when watched lines first appear are kept. CPU time comes from the operating
 * system, memory from {@code /proc} and {@code jcmd}.
 */
final class BotProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total.*?used (\\d+)K");

    /**
     * A pause in {@code -Xlog:gc} output: heap used before and after it, e.g.
     * {@code 52M->12M(256M)}.
     */
    private static final Pattern GC_PAUSE = Pattern
        .compile("\\[gc\\s*\\].*?Pause.*? (\\d+)([BKMG])->(\\d+)([BKMG])\\(");

    private static final long CLOCK_TICKS_PER_SECOND = clockTicksPerSecond();

    private final String name;

    private final int port;

    private final Process process;

    private final long startNanos;

    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();

    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();

    /**
     * Heap used before and after each GC pause so far, in bytes, from {@code -Xlog:gc} on
     * standard output.
     */
    private final List<long[]> gcPauses = new CopyOnWriteArrayList<>();

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    private final List<String> watched;

    /** The last lines of the bot's output, to show when a phase does not finish. */
    private final java.util.ArrayDeque<String> tail = new java.util.ArrayDeque<>();

    private static final int TAIL_LINES = 15;

    private BotProcess(String name, int port, Process process, long startNanos, List<String> watched) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.startNanos = startNanos;
        this.watched = watched;
    }

    /**
     * Starts the command; {@code watched} are substrings whose first and last appearance
     * (and count) are recorded.
     * @param port the HTTP port the bot was given, if it serves one
     */
    static BotProcess start(String name, int port, List<String> command, Map<String, String> environment, Path log,
            List<String> watched) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf((key) -> key.startsWith("DISCORD_") || key.startsWith("JAVA_TOOL"));
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        BotProcess bot = new BotProcess(name, port, process, start, watched);
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
                Matcher pause = GC_PAUSE.matcher(line);
                if (pause.find()) {
                    this.gcPauses.add(new long[] { bytes(pause.group(1), pause.group(2)),
                            bytes(pause.group(3), pause.group(4)) });
                }
                for (String marker : this.watched) {
                    if (line.contains(marker)) {
                        this.firstSeen.putIfAbsent(marker, now);
                        this.lastSeen.put(marker, now);
                        this.counts.computeIfAbsent(marker, (m) -> new AtomicInteger()).incrementAndGet();
                    }
                }
                out.println(line);
                synchronized (this.tail) {
                    if (this.tail.size() == TAIL_LINES) {
                        this.tail.removeFirst();
                    }
                    this.tail.addLast(line);
                }
            }
        }
        catch (IOException ex) {
            // the process ended
        }
    }

    String name() {
        return this.name;
    }

    /** The last lines the bot printed (at most 15), oldest first. */
    List<String> lastLines() {
        synchronized (this.tail) {
            return List.copyOf(this.tail);
        }
    }

    /**
     * Writes the bot's threads ({@code jcmd Thread.print}) to the file, for a phase that
     * did not finish; a JVM too stuck to answer is said so in the file.
     */
    void threadDump(Path file) throws InterruptedException {
        String dump;
        try {
            dump = jcmd("Thread.print");
        }
        catch (IOException | RuntimeException ex) {
            dump = "no thread dump: " + ex.getMessage();
        }
        try {
            Files.writeString(file, dump);
        }
        catch (IOException ex) {
            System.out.println("   could not write " + file + ": " + ex.getMessage());
        }
    }

    /** Kills the bot at once ({@code SIGKILL}), when a phase did not finish. */
    void kill() throws InterruptedException {
        this.process.destroyForcibly();
        this.process.waitFor(Bounds.of(Bounds.SHORT).toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * A {@link DidNotFinish} if the bot exited: the phases after it have nothing to
     * measure.
     */
    void checkAlive(String phase) {
        if (!this.process.isAlive()) {
            throw new DidNotFinish(phase, this.name + " exited with " + this.process.exitValue());
        }
    }

    int port() {
        return this.port;
    }

    long pid() {
        return this.process.pid();
    }

    long startNanos() {
        return this.startNanos;
    }

    /**
     * Time from process start to the first line containing the marker, waiting up to the
     * timeout.
     */
    Duration awaitLine(String marker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Long seen = this.firstSeen.get(marker);
            if (seen != null) {
                return Duration.ofNanos(seen - this.startNanos);
            }
            if (!this.process.isAlive()) {
                throw new DidNotFinish("startup",
                        "exited with " + this.process.exitValue() + " before printing '" + marker + "'");
            }
            Thread.sleep(2);
        }
        throw new DidNotFinish("startup", "no '" + marker + "' within " + timeout.toSeconds() + " s");
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
                    throw new DidNotFinish("startup", "exited before " + url + " answered 200");
                }
                Thread.sleep(10);
            }
        }
        throw new DidNotFinish("startup", url + " did not answer 200 within " + timeout.toSeconds() + " s");
    }

    /**
     * Time from process start to the {@code count}th line containing the marker, waiting
     * up to the timeout.
     */
    Duration awaitLines(String marker, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (count(marker) >= count) {
                return Duration.ofNanos(this.lastSeen.get(marker) - this.startNanos);
            }
            if (!this.process.isAlive()) {
                throw new DidNotFinish("startup", "exited with " + this.process.exitValue() + " after " + count(marker)
                        + " of " + count + " lines '" + marker + "'");
            }
            Thread.sleep(2);
        }
        throw new DidNotFinish("startup", "'" + marker + "' printed " + count(marker) + " times, not " + count
                + ", within " + timeout.toSeconds() + " s");
    }

    int count(String marker) {
        AtomicInteger count = this.counts.get(marker);
        return (count != null) ? count.get() : 0;
    }

    /**
     * User plus system CPU time the process has used so far: {@code utime + stime} from
     * {@code /proc/<pid>/stat} (fields 14 and 15, in clock ticks), all threads of the JVM
     * included.
     */
    Duration cpuTime() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
        // the command name (field 2) is in parentheses and may contain spaces: count
        // fields after it
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime,
                                                                              // stime
                                                                              // (fields
                                                                              // 14, 15)
        return Duration.ofNanos(ticks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND);
    }

    /**
     * CPU time of each thread so far, {@code utime + stime} from
     * {@code /proc/<pid>/task/<tid>/stat}, by thread id and name ({@code <tid> <name>}).
     */
    Map<String, Duration> cpuTimeByThread() throws IOException {
        Map<String, Duration> byThread = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid()), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                }
                catch (IOException ex) {
                    continue; // the thread ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                byThread.put(task.getFileName() + " " + name,
                        Duration.ofNanos(ticks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND));
            }
        }
        return byThread;
    }

    /**
     * The CPU used between two {@link #cpuTimeByThread()} readings, by kind of thread
     * (the name with its numbers taken out: {@code C# CompilerThre},
     * {@code GC Thread##}), most first, as text. A thread that ended in between is not
     * counted.
     */
    static String cpuBetween(Map<String, Duration> before, Map<String, Duration> after, int top) {
        Map<String, Duration> byKind = new HashMap<>();
        after.forEach((thread, cpu) -> byKind.merge(
                thread.substring(thread.indexOf(' ') + 1).replaceAll("[0-9]+", "#").strip(),
                cpu.minus(before.getOrDefault(thread, Duration.ZERO)), Duration::plus));
        return byKind.entrySet()
            .stream()
            .filter((entry) -> !entry.getValue().isZero())
            .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
            .limit(top)
            .map((entry) -> entry.getKey() + " " + entry.getValue().toMillis() + " ms")
            .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * The CPU of the threads alive at the second of two {@link #cpuTimeByThread()}
     * readings, used between them.
     */
    static Duration cpuOfThreadsBetween(Map<String, Duration> before, Map<String, Duration> after) {
        return after.entrySet()
            .stream()
            .map((thread) -> thread.getValue().minus(before.getOrDefault(thread.getKey(), Duration.ZERO)))
            .reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * The CPU the JIT compiler threads used between two {@link #cpuTimeByThread()}
     * readings.
     */
    static Duration compilerCpuBetween(Map<String, Duration> before, Map<String, Duration> after) {
        return after.entrySet()
            .stream()
            .filter((thread) -> thread.getKey().contains("CompilerThre"))
            .map((thread) -> thread.getValue().minus(before.getOrDefault(thread.getKey(), Duration.ZERO)))
            .reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * Waits until the JIT compiler threads have been idle for a second (at most 10 ms of
     * CPU), up to the timeout: a warm-up's compilations can lag far behind it on a busy
     * machine.
     * @return how long that took
     */
    Duration awaitIdleCompiler(Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Duration before = compilerCpu();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            Duration now = compilerCpu();
            if (now.minus(before).toMillis() <= 10) {
                break;
            }
            before = now;
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private Duration compilerCpu() throws IOException {
        return cpuTimeByThread().entrySet()
            .stream()
            .filter((thread) -> thread.getKey().contains("CompilerThre"))
            .map(Map.Entry::getValue)
            .reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * {@code getconf CLK_TCK}: the unit of the times in {@code /proc/<pid>/stat}; 100 on
     * Linux as a rule.
     */
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

    /** Heap in use now, without a GC first, in bytes. */
    long heapUsedBytes() throws IOException, InterruptedException {
        Matcher matcher = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!matcher.find()) {
            throw new IllegalStateException("no heap figure in jcmd GC.heap_info");
        }
        return Long.parseLong(matcher.group(1)) * 1024;
    }

    /**
     * A point to measure allocation from: heap used now, and how many GC pauses the log
     * showed so far. The process must run with {@code -Xlog:gc:stdout}.
     */
    long[] allocationMark() throws IOException, InterruptedException {
        return new long[] { heapUsedBytes(), this.gcPauses.size() };
    }

    /**
     * Bytes allocated since the mark: what the heap grew by between one GC pause and the
     * next, summed, plus its growth since the last pause. Exact but for the log's
     * rounding (a pause prints MB in a large heap) and for the free ends of TLABs, which
     * count as allocated.
     */
    long allocatedSince(long[] mark) throws IOException, InterruptedException {
        long usedNow = heapUsedBytes();
        List<long[]> pauses = List.copyOf(this.gcPauses).subList((int) mark[1], this.gcPauses.size());
        long allocated = 0;
        long after = mark[0];
        for (long[] pause : pauses) {
            allocated += Math.max(0, pause[0] - after);
            after = pause[1];
        }
        return allocated + Math.max(0, usedNow - after);
    }

    private static long bytes(String value, String unit) {
        long n = Long.parseLong(value);
        return switch (unit) {
            case "K" -> n * 1024;
            case "M" -> n * 1024 * 1024;
            case "G" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }

    /**
     * Heap in use after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}), in
     * MB: the live heap.
     */
    double liveHeapMegabytes() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher matcher = HEAP_USED.matcher(info);
        if (!matcher.find()) {
            throw new IllegalStateException("no heap figure in jcmd GC.heap_info: " + info);
        }
        return Long.parseLong(matcher.group(1)) / 1024.0;
    }

    /**
     * Starts async-profiler in the process ({@code jcmd JVMTI.agent_load}), for one
     * phase.
     * @param library {@code libasyncProfiler.so}
     * @param event {@code cpu}, {@code alloc}, {@code wall} or {@code lock}
     */
    void startProfiler(Path library, String event) throws IOException, InterruptedException {
        agent(library, "start,event=" + event + ",interval="
                + (event.equals("alloc") ? "64k" : event.equals("lock") ? "10us" : "1ms") + ",threads");
    }

    /**
     * Stops the profiler: a flame graph ({@code .html}) and the collapsed stacks
     * ({@code .collapsed}) beside it.
     */
    void stopProfiler(Path library, Path flameGraph) throws IOException, InterruptedException {
        Files.createDirectories(flameGraph.getParent());
        String collapsed = flameGraph.toAbsolutePath().toString().replaceAll("\\.html$", ".collapsed");
        agent(library, "dump,collapsed,file=" + collapsed);
        agent(library, "stop,file=" + flameGraph.toAbsolutePath());
    }

    /**
     * Tells the agent what to do; quoted, or jcmd would read the options' {@code =} as
     * its own.
     */
    private void agent(Path library, String options) throws IOException, InterruptedException {
        String output = jcmd("JVMTI.agent_load", library.toAbsolutePath().toString(), "\"" + options + "\"");
        if (output.contains("[ERROR]")) {
            throw new IllegalStateException("async-profiler refused " + options + ": " + output);
        }
    }

    /**
     * Runs jcmd against the bot, bounded: its output goes to a file (read once it
     * exited), and a jcmd that does not return within its bound is killed, so that a
     * stuck JVM cannot hold the harness.
     */
    private String jcmd(String... command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid())));
        line.addAll(List.of(command));
        Path output = Files.createTempFile("jcmd", ".txt");
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
            Duration bound = Bounds.of(Bounds.SHORT);
            if (!process.waitFor(bound.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new DidNotFinish("jcmd " + command[0], "no answer within " + bound.toSeconds() + " s");
            }
            String text = Files.readString(output);
            if (process.exitValue() != 0 && !this.process.isAlive()) {
                throw new DidNotFinish("jcmd " + command[0], this.name + " exited with " + this.process.exitValue());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + text);
            }
            return text;
        }
        finally {
            Files.deleteIfExists(output);
        }
    }

    boolean isAlive() {
        return this.process.isAlive();
    }

    /**
     * Stops the bot ({@code SIGTERM}); one that has not exited within the shutdown bound
     * is killed, and a line says so with the last lines of its output.
     */
    @Override
    public void close() throws InterruptedException {
        this.process.destroy();
        Duration bound = Bounds.of(Bounds.SHORT);
        if (!this.process.waitFor(bound.toSeconds(), TimeUnit.SECONDS)) {
            System.out.println("   shutdown did not finish (" + this.name + " still running " + bound.toSeconds()
                    + " s after SIGTERM): killed; its last lines:");
            lastLines().forEach((line) -> System.out.println("      | " + line));
            kill();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
