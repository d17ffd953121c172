package io.github.jdaboot.interaction.guard;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.jdaboot.interaction.GuardedRun;
import io.github.jdaboot.interaction.InteractionGuard;
import io.github.jdaboot.interaction.annotation.RequiresPermissions;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/**
 * {@link RequiresPermissions @RequiresPermissions}: the user who acted (for a click, the
 * clicker) and the bot need the permissions in the channel. The permissions are named as
 * Discord names them in English. In a server the bot is not a member of (the app
 * installed to the user's account) the user's permissions are those Discord sent with the
 * interaction, and a command that needs the bot's is refused: the bot has none there. In
 * a DM the {@code GuildOnlyGuard} refuses first.
 */
class PermissionsGuard implements InteractionGuard {

    private final InteractionMessages messages;

    PermissionsGuard(InteractionMessages messages) {
        this.messages = messages;
    }

    @Override
    public Optional<String> check(GuardedRun run) {
        RequiresPermissions permissions = run.annotation(RequiresPermissions.class);
        Guild guild = run.context().guild();
        if (permissions == null || guild == null || !(run.context().channel() instanceof GuildChannel channel)) {
            return Optional.empty();
        }
        Member member = run.context().member();
        List<Permission> userMissing = Arrays.stream(permissions.user())
            .filter((permission) -> member == null || !member.hasPermission(channel, permission))
            .toList();
        if (!userMissing.isEmpty()) {
            return Optional.of(this.messages.get("interaction.guard.permissions.user", run.context().locale(),
                    userMissing.size(), names(userMissing), run.name()));
        }
        if (permissions.bot().length > 0 && guild.isDetached()) {
            // the app runs here because a user installed it: the bot is no member, and
            // has no permissions of its own in the channel
            return Optional
                .of(this.messages.get("interaction.guard.permissions.bot-absent", run.context().locale(), run.name()));
        }
        List<Permission> botMissing = Arrays.stream(permissions.bot())
            .filter((permission) -> !guild.getSelfMember().hasPermission(channel, permission))
            .toList();
        if (!botMissing.isEmpty()) {
            return Optional.of(this.messages.get("interaction.guard.permissions.bot", run.context().locale(),
                    botMissing.size(), names(botMissing)));
        }
        return Optional.empty();
    }

    private static String names(List<Permission> permissions) {
        return permissions.stream()
            .map((permission) -> "**" + permission.getName() + "**")
            .collect(Collectors.joining(", "));
    }

}
