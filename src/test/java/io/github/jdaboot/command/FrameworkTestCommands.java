package io.github.jdaboot.command;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import org.jspecify.annotations.Nullable;

/**
 * Commands that exercise the framework in end-to-end tests; imported by those tests only (with
 * {@link TagCommands}; tests importing both share one context).
 */
public class FrameworkTestCommands {

    enum Flavor {
        VANILLA, SALTED_CARAMEL, MINT
    }

    @Command(name = "flavor", description = "Echoes the flavor it got")
    String flavor(@Option(description = "A flavor") Flavor flavor) {
        return "flavor=" + flavor.name();
    }

    @Command(name = "add", description = "Adds two numbers")
    String add(@Option(description = "The first number") long a,
            @Option(description = "The second number", min = 0, max = 100) int b) {
        return "sum=" + (a + b);
    }

    @Command(name = "fail", description = "Always fails")
    String fail() {
        throw new IllegalStateException("boom");
    }

    @Command(name = "slow", description = "Takes five seconds")
    String slow() throws InterruptedException {
        TimeUnit.SECONDS.sleep(5);
        return "slow done";
    }

    @Command(name = "wait", description = "Waits one second, like a slow call to another service")
    String waitASecond(@Option(description = "A label", required = false) @Nullable String label)
            throws InterruptedException {
        TimeUnit.SECONDS.sleep(1);
        return "waited " + label;
    }

    @Command(name = "limited", description = "Has a cooldown")
    @Cooldown(seconds = 2)
    String limited() {
        return "limited ok";
    }

    @Command(name = "later", description = "Answers asynchronously")
    CompletableFuture<String> later() {
        return CompletableFuture.supplyAsync(() -> "async done",
                CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
    }

    @Command(name = "long", description = "Answers with a long text")
    String longText(@Option(description = "How many characters", max = 20_000) int length) {
        StringBuilder text = new StringBuilder();
        int line = 0;
        while (text.length() < length) {
            text.append("line ").append(line++).append(' ').append("x".repeat(60)).append('\n');
        }
        return text.substring(0, length);
    }

    @Command(name = "secret", description = "Answers privately", ephemeral = true)
    String secret() {
        return "only you can see this";
    }

    @Command(name = "whoami", description = "Shows what was injected")
    String whoami(User user, @Nullable Member member, @Nullable Guild guild, MessageChannel channel,
            CommandContext context) {
        return user.getName() + "|" + ((member != null) ? member.getId() : "no member") + "|"
                + ((guild != null) ? guild.getName() : "no guild") + "|" + channel.getId() + "|" + context.surface();
    }

    @Command(name = "mods", description = "Needs Manage Server")
    @RequiresPermissions(user = Permission.MANAGE_SERVER)
    String mods() {
        return "welcome, moderator";
    }

    @Command(name = "serveronly", description = "Only in servers")
    @GuildOnly
    String serverOnly() {
        return "in a server";
    }

    @Command(name = "echo", description = "Echoes text")
    String echo(@Option(description = "The text") String text) {
        return text;
    }

    @Command(name = "greet", description = "Greets a member")
    String greet(@Option(description = "Who to greet") Member member) {
        return "hello " + member.getUser().getName();
    }

    @Command(name = "silent", description = "Replies twice by itself")
    void silent(CommandContext context) {
        context.reply("first");
        context.reply("second");
    }

    @Command(name = "slashonly", description = "Only a slash command", surfaces = CommandSurface.SLASH)
    String slashOnly() {
        return "slash only";
    }

    /** Tags, as subcommands: /tag add, /tag show. */
    @CommandGroup(name = "tag", description = "Stores and shows snippets")
    public static class TagCommands {

        private final Map<String, String> tags = new ConcurrentHashMap<>();

        @Command(name = "add", description = "Stores a snippet")
        String add(@Option(description = "The tag name") String name,
                @Option(description = "The snippet") String content) {
            this.tags.put(name, content);
            return "Saved tag " + name + ".";
        }

        @Command(name = "show", description = "Shows a snippet")
        String show(@Option(description = "The tag name") String name) {
            String content = this.tags.get(name);
            if (content == null) {
                throw new CommandException("There is no tag called " + name + ".");
            }
            return content;
        }
    }
}
