package io.github.jdaboot.interaction;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.jdaboot.interaction.annotation.Autocomplete;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.CommandGroup;
import io.github.jdaboot.interaction.annotation.ComponentHandler;
import io.github.jdaboot.interaction.annotation.Cooldown;
import io.github.jdaboot.interaction.annotation.Field;
import io.github.jdaboot.interaction.annotation.GuildOnly;
import io.github.jdaboot.interaction.annotation.IdPart;
import io.github.jdaboot.interaction.annotation.MessageCommand;
import io.github.jdaboot.interaction.annotation.ModalHandler;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.annotation.RequiresPermissions;
import io.github.jdaboot.interaction.annotation.Selected;
import io.github.jdaboot.interaction.annotation.TargetOf;
import io.github.jdaboot.interaction.annotation.Typed;
import io.github.jdaboot.interaction.annotation.UserCommand;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.IMentionable;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;

/**
 * Commands that exercise the framework in end-to-end tests; imported by those tests only
 * (with {@link TagCommands}; tests importing both share one context).
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

    /*
     * ---------------------------------------------------------------- components and
     * forms
     */

    @Command(name = "panel", description = "Shows buttons and menus")
    Reply panel() {
        return Reply.of("panel")
            .withButtons(Button.primary("panel:count:0", "Count"), Button.secondary("panel:new", "New message"),
                    Button.danger("panel:mods", "Mods only"), Button.success("panel:form", "Form"),
                    Button.secondary("panel:slow", "Slow"))
            .withSelect(StringSelectMenu.create("panel:flavor")
                .addOption("Vanilla", "vanilla")
                .addOption("Mint", "mint")
                .build())
            .withSelect(
                    EntitySelectMenu.create("panel:users", EntitySelectMenu.SelectTarget.USER).setMaxValues(3).build())
            .withSelect(EntitySelectMenu.create("panel:roles", EntitySelectMenu.SelectTarget.ROLE).build())
            .withSelect(EntitySelectMenu.create("panel:channels", EntitySelectMenu.SelectTarget.CHANNEL).build());
    }

    @Command(name = "mentionables", description = "Shows a mentionable menu and a callback button")
    Reply mentionables() {
        return Reply.of("pick anyone")
            .withSelect(EntitySelectMenu
                .create("panel:anyone", EntitySelectMenu.SelectTarget.USER, EntitySelectMenu.SelectTarget.ROLE)
                .setMaxValues(2)
                .build())
            .withButton(ButtonStyle.PRIMARY, "Ping", (click) -> Reply.update("pong for " + click.user().getName()))
            .withButton(ButtonStyle.SECONDARY, "Private", (click) -> Reply.of("just for you").ephemeral());
    }

    @ComponentHandler("panel:count:{count}")
    Reply count(@IdPart int count) {
        return Reply.update("count " + (count + 1)).withButtons(Button.primary("panel:count:" + (count + 1), "Count"));
    }

    @ComponentHandler("panel:new")
    String newMessage(User user, Message message) {
        return "new message for " + user.getName() + " about " + message.getContentRaw();
    }

    @ComponentHandler("panel:mods")
    @RequiresPermissions(user = Permission.MANAGE_SERVER)
    Reply modsOnly() {
        return Reply.update("moderated");
    }

    @ComponentHandler("panel:slow")
    Reply slowClick() throws InterruptedException {
        TimeUnit.SECONDS.sleep(3);
        return Reply.update("slow click done");
    }

    @ComponentHandler("panel:flavor")
    Reply flavor(@Selected List<String> flavors, ComponentContext context) {
        return Reply.update("flavor " + String.join(",", flavors) + " by " + context.user().getName());
    }

    @ComponentHandler("panel:users")
    String users(@Selected List<User> users) {
        return "users " + users.stream().map(User::getName).sorted().toList();
    }

    @ComponentHandler("panel:roles")
    String roles(@Selected List<Role> roles) {
        return "roles " + roles.stream().map(Role::getName).toList();
    }

    @ComponentHandler("panel:channels")
    String channels(@Selected List<GuildChannel> channels) {
        return "channels " + channels.stream().map(GuildChannel::getName).toList();
    }

    @ComponentHandler("panel:anyone")
    String anyone(@Selected List<IMentionable> picked) {
        return "picked " + picked.size();
    }

    @Command(name = "feedback", description = "Opens a feedback form")
    Modal feedback() {
        return Modal.of("form:feedback", "Feedback")
            .withText(Modal.text("text", "Your feedback", Modal.Style.LONG).length(2, 200));
    }

    @ComponentHandler("panel:form")
    Modal feedbackFromPanel() {
        return feedback();
    }

    @ModalHandler("form:feedback")
    Reply feedbackSent(@Field(value = "text", maxLength = 200) String text, InteractionContext context) {
        return Reply.update("thanks for: " + text);
    }

    /* ---------------------------------------------------------- autocomplete */

    static final List<String> FRUITS = List.of("apple", "apricot", "avocado", "banana", "blackberry", "blueberry",
            "cherry", "clementine", "coconut", "cranberry", "date", "dragonfruit", "elderberry", "fig", "grape",
            "grapefruit", "guava", "kiwi", "kumquat", "lemon", "lime", "lychee", "mango", "melon", "nectarine",
            "orange", "papaya", "passionfruit", "peach", "pear", "persimmon", "pineapple", "plum", "pomegranate",
            "quince", "raspberry", "redcurrant", "starfruit", "strawberry", "tangerine", "watermelon");

    @Command(name = "fruit", description = "Picks a fruit, suggested while typing")
    String fruit(@Option(description = "A fruit", autocomplete = true) String name,
            @Option(description = "A fruit, suggested slowly", required = false,
                    autocomplete = true) @Nullable String slowly,
            @Option(description = "A fruit, suggested by a failing method", required = false,
                    autocomplete = true) @Nullable String broken) {
        return "fruit=" + name;
    }

    @Autocomplete(command = "fruit", option = "name")
    List<String> fruits(@Typed String typed) {
        return FRUITS;
    }

    @Autocomplete(command = "fruit", option = "slowly")
    List<String> slowFruits(@Typed String typed) throws InterruptedException {
        TimeUnit.SECONDS.sleep(10);
        return FRUITS;
    }

    @Autocomplete(command = "fruit", option = "broken")
    List<String> brokenFruits(@Typed String typed) {
        throw new IllegalStateException("the fruit service is down");
    }

    /* --------------------------------------------------------- context menus */

    @UserCommand("Inspect")
    String inspect(@TargetOf User target, @Nullable @TargetOf Member member, User user) {
        return user.getName() + " inspected " + target.getName()
                + ((member != null) ? " (a member of " + member.getGuild().getName() + ")" : "");
    }

    @MessageCommand("Shout")
    @RequiresRole("Idea Fans")
    String shout(@TargetOf Message message) {
        return message.getContentRaw().toUpperCase(java.util.Locale.ROOT) + "!";
    }

    /* ---------------------------------------------------------------- guards */

    @Command(name = "channelcool", description = "Has a cooldown per channel")
    @Cooldown(seconds = 30, scope = Cooldown.Scope.CHANNEL)
    String channelCooldown() {
        return "channel ok";
    }

    @Command(name = "guildcool", description = "Has a cooldown per server")
    @Cooldown(seconds = 30, scope = Cooldown.Scope.GUILD)
    String guildCooldown() {
        return "guild ok";
    }

    @Command(name = "fanclub", description = "For Idea Fans only")
    @RequiresRole("Idea Fans")
    Reply fanClub() {
        return Reply.of("welcome, fan").withButtons(Button.primary("fanclub:cheer", "Cheer"));
    }

    @ComponentHandler("fanclub:cheer")
    @RequiresRole("Idea Fans")
    String cheer(User user) {
        return user.getName() + " cheers";
    }

    /**
     * A guard of the test's own, as a user would write one: the member must have a role.
     */
    @Bean
    RoleGuard roleGuard() {
        return new RoleGuard();
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.METHOD, ElementType.TYPE })
    @interface RequiresRole {

        String value();

    }

    static class RoleGuard implements InteractionGuard {

        @Override
        public Optional<String> check(GuardedRun run) {
            RequiresRole role = run.annotation(RequiresRole.class);
            Member member = run.context().member();
            if (role == null || (member != null
                    && member.getRoles().stream().anyMatch((candidate) -> candidate.getName().equals(role.value())))) {
                return Optional.empty();
            }
            return Optional.of("You need the " + role.value() + " role for " + run.name() + ".");
        }

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
