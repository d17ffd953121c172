package io.github.jdaboot.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * A guild in the emulator: its roles, channels, members (with their roles, nickname and
 * timeout), bans and preferred locale.
 */
public final class EmulatedGuild {

    /** What the guild keeps of one member. */
    private static final class Member {

        final Set<Long> roles = ConcurrentHashMap.newKeySet();

        volatile @Nullable String nick;

        volatile @Nullable Instant timeoutUntil;

    }

    private final long id;

    private final String name;

    private final long ownerId;

    private final List<EmulatedRole> roles = new CopyOnWriteArrayList<>();

    private final List<EmulatedChannel> channels = new CopyOnWriteArrayList<>();

    private final Map<Long, Member> members = new ConcurrentHashMap<>();

    /** Banned users and the reason given, null for none. */
    private final Map<Long, Optional<String>> bans = new ConcurrentHashMap<>();

    private volatile String preferredLocale = EmulatorWorld.DEFAULT_LOCALE;

    EmulatedGuild(long id, String name, long ownerId) {
        this.id = id;
        this.name = name;
        this.ownerId = ownerId;
    }

    public long id() {
        return this.id;
    }

    public String idString() {
        return Long.toUnsignedString(this.id);
    }

    public String name() {
        return this.name;
    }

    public long ownerId() {
        return this.ownerId;
    }

    /**
     * The guild's language, {@code en-US} unless changed
     * ({@link World#locale(EmulatedGuild, String)}).
     */
    public String preferredLocale() {
        return this.preferredLocale;
    }

    void preferredLocale(String locale) {
        this.preferredLocale = EmulatorWorld.checkedLocale(locale);
    }

    /** The roles, lowest position first; {@code @everyone} is the lowest. */
    public List<EmulatedRole> roles() {
        List<EmulatedRole> sorted = new ArrayList<>(this.roles);
        sorted.sort(Comparator.comparingInt(EmulatedRole::position).thenComparing(EmulatedRole::id));
        return sorted;
    }

    public List<EmulatedChannel> channels() {
        return List.copyOf(this.channels);
    }

    /** The {@code @everyone} role, whose id is the guild's. */
    public EmulatedRole everyoneRole() {
        return this.roles.stream().filter((role) -> role.id() == this.id).findFirst().orElseThrow();
    }

    public boolean isMember(long userId) {
        return this.members.containsKey(userId);
    }

    public Set<Long> rolesOf(long userId) {
        Member member = this.members.get(userId);
        return (member != null) ? Set.copyOf(member.roles) : Set.of();
    }

    public Set<Long> memberIds() {
        return Set.copyOf(this.members.keySet());
    }

    /** The member's nickname in this guild, if they set one. */
    public Optional<String> nick(long userId) {
        Member member = this.members.get(userId);
        return Optional.ofNullable((member != null) ? member.nick : null);
    }

    /** Until when the member is timed out, if they are. */
    public Optional<Instant> timeoutUntil(long userId) {
        Member member = this.members.get(userId);
        return Optional.ofNullable((member != null) ? member.timeoutUntil : null);
    }

    public boolean isBanned(long userId) {
        return this.bans.containsKey(userId);
    }

    /** The reason given for the user's ban, if banned with one. */
    public Optional<String> banReason(long userId) {
        return this.bans.getOrDefault(userId, Optional.empty());
    }

    /** The banned users' ids, in id order. */
    public List<Long> bannedIds() {
        List<Long> ids = new ArrayList<>(this.bans.keySet());
        ids.sort(Long::compareUnsigned);
        return ids;
    }

    /**
     * The position of the member's highest role: what they may manage is below it (the
     * owner manages everything).
     */
    int highestPosition(long userId) {
        if (userId == this.ownerId) {
            return Integer.MAX_VALUE;
        }
        int highest = 0;
        for (long roleId : rolesOf(userId)) {
            highest = Math.max(highest, role(roleId).position());
        }
        return highest;
    }

    /**
     * The permission bits a member has: the union of {@code @everyone} and their roles.
     */
    public long permissionsOf(long userId) {
        if (userId == this.ownerId) {
            return Permissions.ALL;
        }
        long bits = everyoneRole().permissions();
        for (long roleId : rolesOf(userId)) {
            bits |= role(roleId).permissions();
        }
        return ((bits & Permissions.ADMINISTRATOR) != 0) ? Permissions.ALL : bits;
    }

    public EmulatedRole role(long roleId) {
        return findRole(roleId).orElseThrow();
    }

    Optional<EmulatedRole> findRole(long roleId) {
        return this.roles.stream().filter((role) -> role.id() == roleId).findFirst();
    }

    /** The role with this name; fails when the guild has none. */
    public EmulatedRole role(String name) {
        return this.roles.stream()
            .filter((role) -> role.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No role named " + name + " in " + this.name));
    }

    void addRole(EmulatedRole role) {
        this.roles.add(role);
    }

    /** Replaces the role of the same id. */
    void replaceRole(EmulatedRole role) {
        this.roles.replaceAll((old) -> (old.id() == role.id()) ? role : old);
    }

    /** Removes the role, from the members too. */
    void removeRole(long roleId) {
        this.roles.removeIf((role) -> role.id() == roleId);
        this.members.values().forEach((member) -> member.roles.remove(roleId));
    }

    void addChannel(EmulatedChannel channel) {
        this.channels.add(channel);
    }

    /** Replaces the channel of the same id. */
    void replaceChannel(EmulatedChannel channel) {
        this.channels.replaceAll((old) -> (old.id() == channel.id()) ? channel : old);
    }

    void removeChannel(long channelId) {
        this.channels.removeIf((channel) -> channel.id() == channelId);
    }

    void addMember(long userId, Set<Long> roleIds) {
        Member member = new Member();
        member.roles.addAll(roleIds);
        this.members.put(userId, member);
    }

    void removeMember(long userId) {
        this.members.remove(userId);
    }

    void grantRole(long userId, long roleId) {
        this.members.computeIfAbsent(userId, (k) -> new Member()).roles.add(roleId);
    }

    void revokeRole(long userId, long roleId) {
        Member member = this.members.get(userId);
        if (member != null) {
            member.roles.remove(roleId);
        }
    }

    /**
     * Sets the member's roles, the nickname (null: none) and the timeout (null: none).
     */
    void updateMember(long userId, Set<Long> roleIds, @Nullable String nick, @Nullable Instant timeoutUntil) {
        Member member = this.members.get(userId);
        if (member != null) {
            member.roles.retainAll(roleIds);
            member.roles.addAll(roleIds);
            member.nick = nick;
            member.timeoutUntil = timeoutUntil;
        }
    }

    void ban(long userId, @Nullable String reason) {
        this.bans.put(userId, Optional.ofNullable(reason));
        this.members.remove(userId);
    }

    boolean unban(long userId) {
        return this.bans.remove(userId) != null;
    }

}
