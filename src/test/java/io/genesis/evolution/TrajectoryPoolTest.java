package io.genesis.evolution;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrajectoryPoolTest {

    @Test
    void statusThresholds() {
        assertEquals(TrajectoryStatus.SUCCESS, TrajectoryStatus.of(0.7));
        assertEquals(TrajectoryStatus.PARTIAL, TrajectoryStatus.of(0.3));
        assertEquals(TrajectoryStatus.FAILURE, TrajectoryStatus.of(0.2999));
    }

    @Test
    void pruningKeepsSuccessesAndTheLastTenGenerationsAndDropsTheLowestScores() {
        // generations 0..59; every third one succeeds (.8), the others fail with .10 + (gen % 10) / 100
        List<Trajectory> all = new ArrayList<>();
        for (int generation = 0; generation < 60; generation++) {
            double score = generation % 3 == 0 ? 0.8 : 0.10 + (generation % 10) / 100.0;
            all.add(trajectory("t" + generation, generation, score, "direct", List.of("linter"), List.of()));
        }
        TrajectoryPool pool = TrajectoryPool.of("builder_agent", all);
        assertEquals(TrajectoryPool.MAX_TRAJECTORIES, pool.size());
        Set<String> kept = pool.trajectories().stream().map(Trajectory::trajectoryId).collect(Collectors.toSet());
        // the 10 lowest unprotected: .10 at 10, 20, 40; .11 at 1, 11, 31, 41; .12 at 2, 22, 32 (lower generation first)
        Set<String> removed = IntStream.of(10, 20, 40, 1, 11, 31, 41, 2, 22, 32).mapToObj(g -> "t" + g).collect(Collectors.toSet());
        for (Trajectory trajectory : all) {
            assertEquals(!removed.contains(trajectory.trajectoryId()), kept.contains(trajectory.trajectoryId()), trajectory.trajectoryId());
        }
        assertTrue(pool.trajectories().stream().filter(t -> t.generation() >= 50).count() == 10, "last 10 generations kept");
    }

    @Test
    void diverseSuccessfulPairsDifferInReasoningOrTools() {
        TrajectoryPool pool = TrajectoryPool.of("builder_agent", List.of(
                trajectory("a", 0, 0.9, "decompose", List.of("linter"), List.of()),
                trajectory("b", 0, 0.8, "decompose", List.of("linter"), List.of()),
                trajectory("c", 1, 0.75, "test_first", List.of("linter"), List.of()),
                trajectory("d", 1, 0.2, "direct", List.of("profiler"), List.of())));
        List<TrajectoryPool.Pair> pairs = pool.diverseSuccessfulPairs(5);
        assertEquals(List.of("a+c", "b+c"), pairs.stream().map(p -> p.first().trajectoryId() + "+" + p.second().trajectoryId()).toList());
        assertEquals(1, pool.diverseSuccessfulPairs(1).size());
    }

    @Test
    void commonFailurePatternsAreReasonsOfAtLeastTwoFailures() {
        TrajectoryPool pool = TrajectoryPool.of("qa_agent", List.of(
                trajectory("f1", 0, 0.1, "direct", List.of(), List.of("missing docstrings", "syntax error")),
                trajectory("f2", 0, 0.2, "direct", List.of(), List.of("missing docstrings")),
                trajectory("f3", 1, 0.25, "direct", List.of(), List.of("syntax error", "no functions")),
                trajectory("p1", 1, 0.5, "direct", List.of(), List.of("no functions"))));
        assertEquals(List.of("missing docstrings", "syntax error"), pool.commonFailurePatterns(),
                "the partial one's 'no functions' does not count");
    }

    @Test
    void aPoolHoldsOneAgentsTrajectories() {
        TrajectoryPool pool = TrajectoryPool.empty("qa_agent");
        assertThrows(IllegalArgumentException.class, () -> pool.with(List.of(
                new Trajectory("x", "builder_agent", 0, Operator.BASELINE, 0.5, List.of(), "direct", List.of(), "", "", List.of()))));
        assertEquals(-1, pool.maxGeneration());
    }

    private static Trajectory trajectory(String id, int generation, double score, String reasoning, List<String> tools,
                                         List<String> failures) {
        String agent = id.startsWith("f") || id.startsWith("p") ? "qa_agent" : "builder_agent";
        return new Trajectory(id, agent, generation, Operator.BASELINE, score, List.of(), reasoning, tools, "pass", "retry", failures);
    }
}
