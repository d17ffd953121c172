package io.github.jdaboot.discord;

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
 * Adds the bot to {@code /actuator/info}: its name and id, the application id, the JDA
 * version, the shard count, and the URL that invites the bot to a server with the
 * permissions it needs ({@code discord.invite-permissions}). Reads memory only.
 */
class DiscordInfoContributor implements InfoContributor {

    private final ShardManager shardManager;

    private final Set<Permission> invitePermissions;

    DiscordInfoContributor(ShardManager shardManager, Set<Permission> invitePermissions) {
        this.shardManager = shardManager;
        this.invitePermissions = Set.copyOf(invitePermissions);
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
            discord.put("inviteUrl", inviteUrl(self.getApplicationId(), this.invitePermissions));
        }
        builder.withDetail("discord", discord);
    }

    static String inviteUrl(String applicationId, Set<Permission> permissions) {
        return "https://discord.com/oauth2/authorize?client_id=" + applicationId
                + "&scope=bot+applications.commands&permissions=" + Permission.getRaw(permissions);
    }

}
