package io.github.jdaboot.interaction;

import net.dv8tion.jda.api.interactions.IntegrationOwners;

/**
 * Who authorized a prefix command: the server it runs in, which installed the bot (or
 * {@code 0} for the bot's DM, as Discord says it for an interaction there).
 *
 * @param guildId the server's id, or 0 in the bot's DM
 */
record ServerInstall(long guildId) implements IntegrationOwners {

    @Override
    public long getAuthorizingUserIdLong() {
        return 0;
    }

    @Override
    public Long getAuthorizingGuildIdLong() {
        return this.guildId;
    }

}
