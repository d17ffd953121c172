package io.github.jdaboot.emulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.BulkBanResponse;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.UserSnowflake;
import net.dv8tion.jda.api.entities.channel.concrete.Category;
import net.dv8tion.jda.api.entities.channel.concrete.NewsChannel;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.VoiceChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.channel.ChannelCreateEvent;
import net.dv8tion.jda.api.events.channel.ChannelDeleteEvent;
import net.dv8tion.jda.api.events.guild.GuildBanEvent;
import net.dv8tion.jda.api.events.guild.GuildUnbanEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberJoinEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRemoveEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveAllEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEmojiEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.events.role.RoleCreateEvent;
import net.dv8tion.jda.api.events.role.RoleDeleteEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.restaction.pagination.PinnedMessagePaginationAction.PinnedMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A plain JDA 6.5 client (no Spring) calling, over the wire, every REST route of its
 * public API for the objects the emulator emulates: messages (history, bulk delete,
 * crosspost, pins), reactions, application commands one by one, channels and their
 * permission overwrites, roles, members and bans. Each test checks what JDA made of the
 * answer, what the emulator's world holds afterwards, and the gateway event JDA heard.
 * The bot holds an administrator role at the top, as JDA checks permissions and the role
 * hierarchy itself before it calls.
 */
@DisplayName("JDA 6.5's REST calls for messages, reactions, commands, channels, roles and members")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdaRoutesCompatibilityTests {

    @RegisterExtension
    static final PlainJda plainJda = PlainJda.withIntents(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT,
            GatewayIntent.GUILD_MESSAGE_REACTIONS, GatewayIntent.GUILD_MEMBERS, GatewayIntent.GUILD_MODERATION);

    private final List<GenericEvent> events = new CopyOnWriteArrayList<>();

    private World world;

    private JDA jda;

    private Guild guild;

    private TextChannel general;

    @BeforeAll
    void start() throws Exception {
        this.world = plainJda.world();
        EmulatedGuild emulated = this.world.guild();
        this.world.grantRole(emulated, this.world.bot(), this.world.addRole(emulated, "Admin", Permissions.ALL, false));
        this.jda = plainJda.login((EventListener) this.events::add);
        this.guild = this.jda.getGuildById(emulated.id());
        this.general = this.guild.getTextChannelById(this.world.channel("general").id());
    }

    @BeforeEach
    void forget() {
        this.events.clear();
    }

    @Test
    @DisplayName("messages: send, read, edit, history before, after and around one, delete one and in bulk")
    void messages() {
        List<Message> sent = List.of("one", "two", "three", "four", "five")
            .stream()
            .map((content) -> this.general.sendMessage(content).complete())
            .toList();

        assertThat(this.general.retrieveMessageById(sent.get(1).getId()).complete().getContentRaw()).isEqualTo("two");
        assertThat(this.general.editMessageById(sent.get(1).getId(), "two, edited").complete().getContentRaw())
            .isEqualTo("two, edited");
        assertThat(contents(this.general.getHistory().retrievePast(2).complete())).containsExactly("five", "four");
        assertThat(contents(this.general.getHistoryBefore(sent.get(2).getId(), 2).complete().getRetrievedHistory()))
            .containsExactly("two, edited", "one");
        assertThat(contents(this.general.getHistoryAfter(sent.get(2).getId(), 2).complete().getRetrievedHistory()))
            .containsExactly("five", "four");
        assertThat(contents(this.general.getHistoryAround(sent.get(2).getId(), 3).complete().getRetrievedHistory()))
            .containsExactly("four", "three", "two, edited");

        this.general.deleteMessageById(sent.getFirst().getId()).complete();
        this.general.deleteMessagesByIds(List.of(sent.get(1).getId(), sent.get(2).getId())).complete();

        assertThat(this.world.message(sent.getFirst().getIdLong())).isEmpty();
        assertThat(this.world.message(sent.get(2).getIdLong())).isEmpty();
        assertThat(this.world.message(sent.get(3).getIdLong())).isPresent();
        awaitEvent(MessageDeleteEvent.class, (event) -> event.getMessageIdLong() == sent.getFirst().getIdLong());
        // MESSAGE_DELETE_BULK: JDA splits it into a MessageDeleteEvent per message by
        // default
        awaitEvent(MessageDeleteEvent.class, (event) -> event.getMessageIdLong() == sent.get(2).getIdLong());
    }

    @Test
    @DisplayName("pins: pin, list the pins with when, unpin; crosspost in an announcement channel")
    void pinsAndCrossposts() {
        Message message = this.general.sendMessage("pin me").complete();

        message.pin().complete();
        List<PinnedMessage> pins = this.general.retrievePinnedMessages().complete();

        assertThat(pins).singleElement().satisfies((pin) -> {
            assertThat(pin.getMessage().getId()).isEqualTo(message.getId());
            assertThat(pin.getMessage().isPinned()).isTrue();
            assertThat(pin.getTimePinned()).isNotNull();
        });
        assertThat(this.world.pinnedAt(this.world.message(message.getIdLong()).orElseThrow())).isPresent();
        message.unpin().complete();
        assertThat(this.general.retrievePinnedMessages().complete()).isEmpty();

        NewsChannel news = this.guild.createNewsChannel("announcements").complete();
        Message published = news.sendMessage("news").complete().crosspost().complete();
        assertThat(published.getFlags()).contains(Message.MessageFlag.CROSSPOSTED);
    }

    @Test
    @DisplayName("reactions: add and remove the bot's own, list who reacted, remove a user's, clear one emoji or all")
    void reactions() {
        Message message = this.general.sendMessage("react to me").complete();
        EmulatedMessage emulated = this.world.message(message.getIdLong()).orElseThrow();
        Emoji thumbs = Emoji.fromUnicode("👍");

        message.addReaction(thumbs).complete();
        this.world.as("alice").reacts(emulated, "👍");
        message.addReaction(Emoji.fromUnicode("🎉")).complete();

        assertThat(message.retrieveReactionUsers(thumbs).complete()).extracting(User::getName)
            .containsExactly("IdeaBot", "alice");
        assertThat(this.general.retrieveMessageById(message.getId()).complete().getReactions())
            .anySatisfy((reaction) -> {
                assertThat(reaction.getEmoji().getName()).isEqualTo("👍");
                assertThat(reaction.getCount()).isEqualTo(2);
                assertThat(reaction.isSelf()).isTrue();
            });
        awaitEvent(MessageReactionAddEvent.class, (event) -> event.getUserIdLong() == this.world.user("alice").id());

        message.removeReaction(thumbs).complete();
        message.removeReaction(thumbs, this.jda.retrieveUserById(this.world.user("alice").id()).complete()).complete();
        assertThat(this.world.reactions(emulated)).extracting(EmulatedReaction::emoji).containsExactly("🎉");
        awaitEvent(MessageReactionRemoveEvent.class, (event) -> event.getUserIdLong() == this.world.user("alice").id());

        message.clearReactions(Emoji.fromUnicode("🎉")).complete();
        awaitEvent(MessageReactionRemoveEmojiEvent.class, (event) -> event.getEmoji().getName().equals("🎉"));
        message.addReaction(thumbs).complete();
        message.clearReactions().complete();
        assertThat(this.world.reactions(emulated)).isEmpty();
        awaitEvent(MessageReactionRemoveAllEvent.class, (event) -> event.getMessageIdLong() == message.getIdLong());

        assertThatExceptionOfType(ErrorResponseException.class)
            .isThrownBy(() -> message.addReaction(Emoji.fromCustom("party", 1234, false)).complete())
            .satisfies((ex) -> assertThat(ex.getErrorResponse()).isEqualTo(ErrorResponse.UNKNOWN_EMOJI));
    }

    @Test
    @DisplayName("application commands one by one, global and in the guild: create, read, edit, delete; privileges")
    void commands() {
        Command global = this.jda.upsertCommand("one", "The first").complete();
        assertThat(this.jda.retrieveCommandById(global.getId()).complete().getDescription()).isEqualTo("The first");
        assertThat(this.jda.editCommandById(Command.Type.SLASH, global.getId())
            .setDescription("Changed")
            .complete()
            .getDescription()).isEqualTo("Changed");
        this.jda.deleteCommandById(global.getId()).complete();
        assertThat(this.world.commands(0)).extracting(RegisteredCommand::name).doesNotContain("one");
        assertThatExceptionOfType(ErrorResponseException.class)
            .isThrownBy(() -> this.jda.retrieveCommandById(global.getId()).complete())
            .satisfies((ex) -> assertThat(ex.getErrorResponse()).isEqualTo(ErrorResponse.UNKNOWN_COMMAND));

        Command local = this.guild.upsertCommand(Commands.slash("here", "Only here")).complete();
        assertThat(this.guild.retrieveCommandById(local.getId()).complete().getName()).isEqualTo("here");
        assertThat(this.guild.editCommandById(Command.Type.SLASH, local.getId()).setName("there").complete().getName())
            .isEqualTo("there");
        assertThat(this.guild.retrieveCommandPrivileges().complete().getAsMap()).isEmpty();
        assertThatExceptionOfType(ErrorResponseException.class)
            .isThrownBy(() -> this.guild.retrieveIntegrationPrivilegesById(local.getId()).complete())
            .satisfies((ex) -> assertThat(ex.getErrorResponse()).isEqualTo(ErrorResponse.UNKNOWN_COMMAND_PERMISSIONS));
        this.guild.deleteCommandById(local.getId()).complete();
        assertThat(this.world.commands(this.guild.getIdLong())).isEmpty();
    }

    @Test
    @DisplayName("channels: create text, voice and category, edit, reorder, permission overwrites, typing, delete")
    void channels() {
        Category category = this.guild.createCategory("Projects").complete();
        VoiceChannel voice = this.guild.createVoiceChannel("Talk").setParent(category).complete();
        TextChannel text = this.guild.createTextChannel("New Ideas").setTopic("Ideas, new").complete();
        assertThat(text.getName()).isEqualTo("new-ideas");
        // by id: JDA builds the category from the REST answer and again from its
        // CHANNEL_CREATE, whichever comes
        // first is cached, and its channels do not compare equal across the two instances
        assertThat(voice.getParentCategoryIdLong()).isEqualTo(category.getIdLong());
        awaitEvent(ChannelCreateEvent.class, (event) -> event.getChannel().getIdLong() == text.getIdLong());

        text.getManager()
            .setName("renamed")
            .setTopic("A topic")
            .setSlowmode(10)
            .setNSFW(true)
            .setParent(category)
            .complete();
        EmulatedChannel edited = this.world.channel(text.getIdLong()).orElseThrow();
        assertThat(edited)
            .extracting(EmulatedChannel::name, EmulatedChannel::topic, EmulatedChannel::rateLimitPerUser,
                    EmulatedChannel::nsfw, EmulatedChannel::parentId)
            .containsExactly("renamed", "A topic", 10, true, category.getIdLong());
        await().until(() -> "A topic".equals(this.guild.getTextChannelById(text.getId()).getTopic()));

        Role fans = this.guild.getRolesByName("Idea Fans", false).getFirst();
        text.upsertPermissionOverride(fans)
            .grant(Permission.MESSAGE_SEND)
            .deny(Permission.MESSAGE_ADD_REACTION)
            .complete();
        assertThat(this.world.channel(text.getIdLong()).orElseThrow().overwrites()).singleElement()
            .satisfies((overwrite) -> {
                assertThat(overwrite.id()).isEqualTo(fans.getIdLong());
                assertThat(overwrite.allow()).isEqualTo(Permission.MESSAGE_SEND.getRawValue());
                assertThat(overwrite.deny()).isEqualTo(Permission.MESSAGE_ADD_REACTION.getRawValue());
            });
        await().until(() -> this.guild.getTextChannelById(text.getId()).getPermissionOverride(fans) != null);
        this.guild.getTextChannelById(text.getId()).getPermissionOverride(fans).delete().complete();
        assertThat(this.world.channel(text.getIdLong()).orElseThrow().overwrites()).isEmpty();

        // JDA orders what its cache holds: the channel's updates (parent, overwrites) may
        // still be on their way into it
        await().until(() -> this.guild.modifyTextChannelPositions().getCurrentOrder().contains(text));
        this.guild.modifyTextChannelPositions().selectPosition(text).moveTo(0).complete();
        text.sendTyping().complete();
        text.delete().complete();
        voice.delete().complete();
        assertThat(this.world.channel(text.getIdLong())).isEmpty();
        awaitEvent(ChannelDeleteEvent.class, (event) -> event.getChannel().getIdLong() == text.getIdLong());
    }

    @Test
    @DisplayName("roles: create (at the bottom), edit, reorder, count members, delete")
    void roles() {
        Role helpers = this.guild.createRole().setName("Helpers").setColor(0x00ff00).setMentionable(true).complete();
        EmulatedRole created = this.world.guild().role(helpers.getIdLong());
        assertThat(created)
            .extracting(EmulatedRole::name, EmulatedRole::color, EmulatedRole::mentionable, EmulatedRole::position)
            .containsExactly("Helpers", 0x00ff00, true, 1);
        awaitEvent(RoleCreateEvent.class, (event) -> event.getRole().getIdLong() == helpers.getIdLong());

        helpers.getManager().setName("Helpers Team").setHoisted(true).complete();
        assertThat(this.world.guild().role(helpers.getIdLong()).name()).isEqualTo("Helpers Team");
        this.guild.modifyRolePositions().selectPosition(helpers).moveTo(2).complete();
        // JDA sends each role's index in its list plus one (@everyone is 0)
        assertThat(this.world.guild().role(helpers.getIdLong()).position()).isEqualTo(3);
        this.guild.addRoleToMember(UserSnowflake.fromId(this.world.user("bob").id()), helpers).complete();
        assertThat(this.guild.retrieveRoleMemberCounts().complete().get(helpers)).isOne();

        helpers.delete().complete();
        assertThat(this.world.guild().roles()).extracting(EmulatedRole::id).doesNotContain(helpers.getIdLong());
        assertThat(this.world.guild().rolesOf(this.world.user("bob").id())).doesNotContain(helpers.getIdLong());
        awaitEvent(RoleDeleteEvent.class, (event) -> event.getRole().getIdLong() == helpers.getIdLong());
    }

    @Test
    @DisplayName("members: read, nickname (theirs and the bot's), roles, timeout, kick, add back with a token")
    void members() {
        EmulatedGuild emulated = this.world.guild();
        long bobId = this.world.user("bob").id();
        Member bob = this.guild.retrieveMemberById(bobId).complete();
        Role fans = this.guild.getRolesByName("Idea Fans", false).getFirst();

        this.guild.modifyNickname(bob, "Bobby").complete();
        this.guild.modifyNickname(this.guild.getSelfMember(), "Idea Machine").complete();
        this.guild.addRoleToMember(bob, fans).complete();
        assertThat(emulated.nick(bobId)).hasValue("Bobby");
        assertThat(emulated.nick(this.world.bot().id())).hasValue("Idea Machine");
        assertThat(emulated.rolesOf(bobId)).contains(fans.getIdLong());

        this.guild.removeRoleFromMember(bob, fans).complete();
        this.guild.modifyMemberRoles(this.guild.retrieveMemberById(bobId).complete(), List.of(fans)).complete();
        assertThat(emulated.rolesOf(bobId)).containsExactly(fans.getIdLong());
        this.guild.timeoutFor(bob, Duration.ofMinutes(5)).complete();
        assertThat(emulated.timeoutUntil(bobId)).isPresent();
        assertThat(this.guild.retrieveMemberById(bobId).complete().isTimedOut()).isTrue();
        this.guild.removeTimeout(bob).complete();
        assertThat(emulated.timeoutUntil(bobId)).isEmpty();

        User carol = this.jda.retrieveUserById(this.world.user("carol").id()).complete();
        this.guild.kick(carol).complete();
        assertThat(emulated.isMember(carol.getIdLong())).isFalse();
        awaitEvent(GuildMemberRemoveEvent.class, (event) -> event.getUser().getIdLong() == carol.getIdLong());
        this.guild.addMember("an OAuth2 access token", carol).complete();
        assertThat(emulated.isMember(carol.getIdLong())).isTrue();
        awaitEvent(GuildMemberJoinEvent.class, (event) -> event.getUser().getIdLong() == carol.getIdLong());
    }

    @Test
    @DisplayName("bans: ban with a reason, read it and the list, unban; ban several at once")
    void bans() {
        User mallory = this.jda.retrieveUserById(this.world.user("mallory").id()).complete();
        User eve = this.jda.retrieveUserById(this.world.user("eve").id()).complete();

        this.guild.ban(mallory, 0, TimeUnit.SECONDS).reason("spam links").complete();

        assertThat(this.guild.retrieveBan(mallory).complete().getReason()).isEqualTo("spam links");
        assertThat(this.guild.retrieveBanList().complete()).extracting((ban) -> ban.getUser().getIdLong())
            .contains(mallory.getIdLong());
        assertThat(this.world.guild().isMember(mallory.getIdLong())).isFalse();
        awaitEvent(GuildBanEvent.class, (event) -> event.getUser().getIdLong() == mallory.getIdLong());
        this.guild.unban(mallory).complete();
        assertThat(this.world.guild().isBanned(mallory.getIdLong())).isFalse();
        awaitEvent(GuildUnbanEvent.class, (event) -> event.getUser().getIdLong() == mallory.getIdLong());

        BulkBanResponse bulk = this.guild.ban(List.of(mallory, eve), Duration.ZERO).complete();
        assertThat(bulk.getBannedUsers()).extracting(UserSnowflake::getIdLong)
            .containsExactlyInAnyOrder(mallory.getIdLong(), eve.getIdLong());
        assertThat(this.world.guild().bannedIds()).contains(mallory.getIdLong(), eve.getIdLong());
    }

    private static List<String> contents(List<Message> messages) {
        return messages.stream().map(Message::getContentRaw).toList();
    }

    private <E extends GenericEvent> void awaitEvent(Class<E> type, Predicate<E> matches) {
        await(type.getSimpleName()).atMost(Timeouts.ANSWER)
            .until(() -> this.events.stream().filter(type::isInstance).map(type::cast).anyMatch(matches));
    }

}
