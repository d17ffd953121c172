package io.github.jdaboot.discord;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDAInfo;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.SelfUser;
import net.dv8tion.jda.api.sharding.ShardManager;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Adds the bot to {@code /actuator/info}: its name and id, the application id, the JDA version, the
 * shard count, and the URL that invites the bot to a server with the permissions it needs. Reads
 * memory only.
 */
class DiscordInfoContributor implements InfoContributor {

    /** What the bot needs in a channel: view, send, embed links, attach files (long replies), read history. */
    static final Set<Permission> INVITE_PERMISSIONS = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_ATTACH_FILES, Permission.MESSAGE_HISTORY);

    private final ShardManager shardManager;

    DiscordInfoContributor(ShardManager shardManager) {
        this.shardManager = shardManager;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> discord = new LinkedHashMap<>();
        discord.put("jdaVersion", JDAInfo.VERSION);
        discord.put("shards", this.shardManager.getShardsTotal());
        JDA shard = ShardList.of(this.shardManager).stream().findFirst().orElse(null);
        if (shard != null && shard.getStatus().isInit()) {
            SelfUser self = shard.getSelfUser();
            discord.put("bot", Map.of("id", self.getId(), "name", self.getName()));
            discord.put("applicationId", self.getApplicationId());
            discord.put("inviteUrl", inviteUrl(self.getApplicationId()));
        }
        builder.withDetail("discord", discord);
    }

    static String inviteUrl(String applicationId) {
        return "https://discord.com/oauth2/authorize?client_id=" + applicationId
                + "&scope=bot+applications.commands&permissions=" + Permission.getRaw(INVITE_PERMISSIONS);
    }
}
