package io.github.jdaboot.discord.coordination;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Who should run each group of a generation's shards: every process computes it from the
 * same view of Redis (the members in the order they joined, who holds each group, who is
 * taking it over), so they agree without talking. Groups are spread evenly; when they do
 * not divide, the members holding the most already take one more (the earliest first); a
 * member keeps the groups it holds (then those it is taking over) up to its share, so a
 * change of members moves as few groups as it can.
 */
final class GroupPlan {

    private GroupPlan() {
    }

    /**
     * The plan.
     * @param members the generation's members sharing its groups, in the order they
     * joined
     * @param groups how many groups the generation has
     * @param owners the process holding each group's lease, by group (missing: free)
     * @param incoming the process taking each group over, by group
     * @param takeFree whether groups that nobody holds are given out (not for a
     * generation on its way out)
     * @return the member id for each group given out, by group
     */
    static Map<Integer, String> of(List<FleetMember> members, int groups, Map<Integer, String> owners,
            Map<Integer, String> incoming, boolean takeFree) {
        Map<Integer, String> plan = new TreeMap<>();
        if (members.isEmpty()) {
            return plan;
        }
        Map<String, Integer> holding = new HashMap<>();
        for (int group = 0; group < groups; group++) {
            String holder = incoming.containsKey(group) ? incoming.get(group) : owners.get(group);
            if (holder != null) {
                holding.merge(holder, 1, Integer::sum);
            }
        }
        List<FleetMember> byHolding = new ArrayList<>(members);
        byHolding.sort(Comparator.comparingInt((FleetMember member) -> -holding.getOrDefault(member.id(), 0)));
        Map<String, Integer> share = new HashMap<>();
        for (int i = 0; i < byHolding.size(); i++) {
            share.put(byHolding.get(i).id(), groups / members.size() + ((i < groups % members.size()) ? 1 : 0));
        }
        Map<String, Integer> given = new HashMap<>();
        for (int group = 0; group < groups; group++) {
            give(plan, given, share, group, owners.get(group));
        }
        for (int group = 0; group < groups; group++) {
            if (!plan.containsKey(group)) {
                give(plan, given, share, group, incoming.get(group));
            }
        }
        for (int group = 0; group < groups; group++) {
            if (plan.containsKey(group) || (!takeFree && !owners.containsKey(group))) {
                continue;
            }
            for (FleetMember member : members) {
                if (give(plan, given, share, group, member.id())) {
                    break;
                }
            }
        }
        return plan;
    }

    private static boolean give(Map<Integer, String> plan, Map<String, Integer> given, Map<String, Integer> share,
            int group, @Nullable String member) {
        if (member == null || !share.containsKey(member) || given.getOrDefault(member, 0) >= share.get(member)) {
            return false;
        }
        plan.put(group, member);
        given.merge(member, 1, Integer::sum);
        return true;
    }

}
