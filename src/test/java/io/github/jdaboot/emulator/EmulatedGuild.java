package io.github.jdaboot.emulator;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A guild in the emulator: its roles, channels, members and preferred locale. */
public final class EmulatedGuild {

    private final long id;

    private final String name;

    private final long ownerId;

    private final List<EmulatedRole> roles = new CopyOnWriteArrayList<>();

    private final List<EmulatedChannel> channels = new CopyOnWriteArrayList<>();

    private final Map<Long, Set<Long>> memberRoles = new ConcurrentHashMap<>();

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

    public List<EmulatedRole> roles() {
        return List.copyOf(this.roles);
    }

    public List<EmulatedChannel> channels() {
        return List.copyOf(this.channels);
    }

    /** The {@code @everyone} role, whose id is the guild's. */
    public EmulatedRole everyoneRole() {
        return this.roles.stream().filter((role) -> role.id() == this.id).findFirst().orElseThrow();
    }

    public boolean isMember(long userId) {
        return this.memberRoles.containsKey(userId);
    }

    public Set<Long> rolesOf(long userId) {
        return Set.copyOf(this.memberRoles.getOrDefault(userId, Set.of()));
    }

    public Set<Long> memberIds() {
        return Set.copyOf(this.memberRoles.keySet());
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
        return this.roles.stream().filter((role) -> role.id() == roleId).findFirst().orElseThrow();
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

    void addChannel(EmulatedChannel channel) {
        this.channels.add(channel);
    }

    void addMember(long userId, Set<Long> roleIds) {
        this.memberRoles.put(userId, ConcurrentHashMap.newKeySet());
        this.memberRoles.get(userId).addAll(roleIds);
    }

    void grantRole(long userId, long roleId) {
        this.memberRoles.computeIfAbsent(userId, (k) -> ConcurrentHashMap.newKeySet()).add(roleId);
    }

}
