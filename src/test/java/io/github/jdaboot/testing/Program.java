package io.github.jdaboot.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A program from a Debian package that tests run as a real part, found on the
 * {@code PATH} (never at a fixed location, never downloaded). A test class that runs one
 * says so with {@link RequiresPrograms}; {@code .ci/run} installs them all.
 */
public enum Program {

    /** Redis, for the coordination of shards across processes. */
    REDIS_SERVER("redis-server", "redis-server"),

    /** Redis Sentinel, which fails a Redis over to its replica. */
    REDIS_SENTINEL("redis-sentinel", "redis-sentinel"),

    /** Chromium, the browser the chat page's tests drive. */
    CHROMIUM("chromium", "chromium"),

    /** Chromium's WebDriver, which Selenium talks to. */
    CHROMEDRIVER("chromedriver", "chromium-driver"),

    /** The Prometheus server, scraping the bot and evaluating the alert rules. */
    PROMETHEUS("prometheus", "prometheus"),

    /** Prometheus' checker of rules and PromQL. */
    PROMTOOL("promtool", "prometheus");

    private final String command;

    private final String debianPackage;

    Program(String command, String debianPackage) {
        this.command = command;
        this.debianPackage = debianPackage;
    }

    /** The command's name, as on the {@code PATH}. */
    public String command() {
        return this.command;
    }

    /** The Debian package that installs it. */
    public String debianPackage() {
        return this.debianPackage;
    }

    /** The first executable of this name in a directory of the {@code PATH}, if any. */
    public Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty()) {
                Path candidate = Path.of(directory, this.command);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Where it is on the {@code PATH}.
     * @throws IllegalStateException naming the package to install when it is not there
     */
    public Path path() {
        return find().orElseThrow(() -> new IllegalStateException(missing(List.of(this))));
    }

    /**
     * One line saying which programs are missing and how to install them:
     * {@code redis-server not on the PATH: apt-get install redis-server}.
     */
    static String missing(Collection<Program> programs) {
        String commands = programs.stream().map(Program::command).collect(Collectors.joining(", "));
        String packages = programs.stream().map(Program::debianPackage).distinct().collect(Collectors.joining(" "));
        return commands + " not on the PATH: apt-get install " + packages;
    }

}
