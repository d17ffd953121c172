package io.github.jdaboot.discord.coordination;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The plan of which process runs which group of shards")
class GroupPlanTests {

    private static FleetMember member(String id, long joined) {
        return new FleetMember(id, joined, 12, false, null);
    }

    private static final FleetMember A = member("a", 1);

    private static final FleetMember B = member("b", 2);

    private static final FleetMember C = member("c", 3);

    private static final FleetMember D = member("d", 4);

    @Test
    @DisplayName("free groups are spread evenly, the earliest members taking one more")
    void spread() {
        assertThat(GroupPlan.of(List.of(A, B, C), 6, Map.of(), Map.of(), true))
            .isEqualTo(Map.of(0, "a", 1, "a", 2, "b", 3, "b", 4, "c", 5, "c"));
        assertThat(GroupPlan.of(List.of(A, B), 3, Map.of(), Map.of(), true)).isEqualTo(Map.of(0, "a", 1, "a", 2, "b"));
        assertThat(GroupPlan.of(List.of(A, B, C, D), 3, Map.of(), Map.of(), true))
            .isEqualTo(Map.of(0, "a", 1, "b", 2, "c"));
    }

    @Test
    @DisplayName("a member keeps what it holds up to its share: a new member moves as few groups as it can")
    void sticky() {
        Map<Integer, String> owners = Map.of(0, "a", 1, "a", 2, "b", 3, "b", 4, "c", 5, "c");
        Map<Integer, String> plan = GroupPlan.of(List.of(A, B, C, D), 6, owners, Map.of(), true);
        assertThat(plan).isEqualTo(Map.of(0, "a", 1, "a", 2, "b", 3, "b", 4, "c", 5, "d"));
        assertThat(moved(owners, plan)).isOne();
    }

    @Test
    @DisplayName("a leaving member's groups go to the others, whoever held them")
    void leaving() {
        Map<Integer, String> owners = Map.of(0, "a", 1, "a", 2, "b", 3, "b", 4, "c", 5, "c");
        Map<Integer, String> plan = GroupPlan.of(List.of(B, C), 6, owners, Map.of(), true);
        assertThat(plan).isEqualTo(Map.of(0, "b", 1, "c", 2, "b", 3, "b", 4, "c", 5, "c"));
    }

    @Test
    @DisplayName("a successor under way keeps its group; an owner over its share lets one go")
    void successors() {
        Map<Integer, String> owners = Map.of(0, "a", 1, "a", 2, "b");
        assertThat(GroupPlan.of(List.of(B, C), 3, owners, Map.of(0, "c"), true))
            .isEqualTo(Map.of(0, "c", 1, "b", 2, "b"));
    }

    @Test
    @DisplayName("a generation on its way out gives out no free group, only those of its leaving members")
    void noFreeGroups() {
        assertThat(GroupPlan.of(List.of(A, B), 3, Map.of(0, "x"), Map.of(), false)).isEqualTo(Map.of(0, "a"));
        assertThat(GroupPlan.of(List.of(), 3, Map.of(), Map.of(), true)).isEmpty();
    }

    private static long moved(Map<Integer, String> before, Map<Integer, String> after) {
        Map<Integer, String> changed = new HashMap<>(after);
        changed.entrySet().removeIf((entry) -> entry.getValue().equals(before.get(entry.getKey())));
        return changed.size();
    }

}
