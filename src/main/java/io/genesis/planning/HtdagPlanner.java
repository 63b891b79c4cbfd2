package io.genesis.planning;

import io.genesis.planning.Blueprint.Phase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The HTDAG planner (Genesis {@code htdag_planner.py}, fast-blueprint path): sanitize the request, lay out the
 * blueprint phases, add one {@code implement} task per MVP feature, refine recursively, check the limits.
 *
 * <h2>How refined tasks execute</h2>
 * The durable executor runs every node of the DAG as a task, so a refined task cannot simply be "replaced" by its
 * subtasks without losing the phase's own agent (a design phase belongs to the spec agent, its atomic subtasks to the
 * builder). We therefore model a refined task as a <b>roll-up</b>: its subtasks run first, and the task itself runs
 * after all of them, consolidating their output (metadata {@code rollup=true}). Concretely, for a task T that waited
 * for D and is refined into S1..Sn:
 * <ul>
 *   <li>S1 waits for D, and S(k+1) waits for Sk (requirements before architecture notes, code before tests);</li>
 *   <li>T waits for S1..Sn instead of D (it still follows D, through S1);</li>
 *   <li>tasks that waited for T still do, so they start only when the whole refined subtree is done.</li>
 * </ul>
 * This reverses the reference's parent → child edge for refinement (there the parent "runs" first, which in a real
 * executor would let downstream phases start before the subtasks finish).
 *
 * <h2>Rules and limits</h2>
 * <ul>
 *   <li>Refinement heuristic of the reference: {@code design → [requirements (api_call), architecture (file_write)]},
 *   {@code implement → [code (file_write), test (test_run)]}; every other type, including the atomic
 *   {@code api_call, file_write, test_run}, has no rule and stays as it is; refinement stops at
 *   {@link #MAX_RECURSION_DEPTH}.</li>
 *   <li>MVP features: one critical {@code implement} task per distinct (case-insensitive) non-blank feature, after the
 *   blueprint's {@code featuresAfter} phase and before its {@code featuresVerifiedBy} phase; more than
 *   {@link #MAX_SUBTASKS_PER_UPDATE} features is rejected (the fan-out limit).</li>
 *   <li>A plan or update larger than {@link #MAX_TOTAL_TASKS}, or with a cycle, is rejected.</li>
 *   <li>Task ids: {@code {business_type}_{prefix}_{idx}} for phases, {@code ..._f{n}} for features,
 *   {@code {parent}_{suffix}} for subtasks, where prefix is the first 8 letters or digits of the business id. They are
 *   unique within one business and the same on every run; key stored tasks by (business id, task id).</li>
 * </ul>
 * Task metadata: {@code business_id, business_type, blueprint, phase, depth, kind (phase|feature|subtask|followup)}
 * and, where they apply, {@code feature, parent, rollup, update}.
 *
 * <p>Longer than 300 lines because it is the HTDAG planner of the Genesis code ported as one piece, so it can be read
 * side by side with its source.
 */
@ApplicationScoped
public class HtdagPlanner {

    public static final int MAX_RECURSION_DEPTH = 5;
    public static final int MAX_TOTAL_TASKS = 1000;
    public static final int MAX_SUBTASKS_PER_UPDATE = 20;
    public static final int MAX_UPDATES_PER_DAG = 10;
    /** Estimated duration of a blueprint task (Genesis fast blueprints). */
    public static final double ESTIMATED_DURATION_SECONDS = 1.5;

    /** The planner's limits; {@link #DEFAULTS} are the reference values. */
    public record Limits(int maxRecursionDepth, int maxTotalTasks, int maxSubtasksPerUpdate, int maxUpdatesPerDag) {
        public static final Limits DEFAULTS =
                new Limits(MAX_RECURSION_DEPTH, MAX_TOTAL_TASKS, MAX_SUBTASKS_PER_UPDATE, MAX_UPDATES_PER_DAG);
    }

    private record Subtask(String suffix, String taskType, String verb) {
    }

    private static final Map<String, List<Subtask>> REFINEMENTS = Map.of(
            TaskTypes.DESIGN, List.of(new Subtask("requirements", TaskTypes.API_CALL, "Gather requirements"),
                    new Subtask("architecture", TaskTypes.FILE_WRITE, "Write architecture notes")),
            TaskTypes.IMPLEMENT, List.of(new Subtask("code", TaskTypes.FILE_WRITE, "Write code"),
                    new Subtask("test", TaskTypes.TEST_RUN, "Run tests")));

    private static final Pattern BUSINESS_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final int ID_PREFIX_LENGTH = 8;

    private final RequestSanitizer sanitizer;
    private final Limits limits;

    public HtdagPlanner() {
        this(new RequestSanitizer(), Limits.DEFAULTS);
    }

    @Inject
    public HtdagPlanner(RequestSanitizer sanitizer) {
        this(sanitizer, Limits.DEFAULTS);
    }

    public HtdagPlanner(RequestSanitizer sanitizer, Limits limits) {
        this.sanitizer = sanitizer;
        this.limits = limits;
    }

    /**
     * @throws PlanningRejected for a request that is unsafe, malformed or over a limit
     */
    public TaskDag plan(PlanningRequest request) {
        String businessType = request.businessType() == null ? "" : request.businessType();
        if (!BUSINESS_TYPE.matcher(businessType).matches()) {
            throw new PlanningRejected("business type '" + businessType
                    + "' is not a lower-case identifier (letters, digits, underscores)");
        }
        String idBase = businessType + "_" + idPrefix(request.businessId()) + "_";
        String requirements = sanitizer.sanitize("requirements", request.requirementsText());
        List<String> techStack = new ArrayList<>();
        for (int i = 0; i < request.techStack().size(); i++) {
            techStack.add(sanitizer.sanitize("tech stack entry " + (i + 1), request.techStack().get(i)).trim());
        }
        techStack.removeIf(String::isEmpty);
        List<String> features = features(request.features());
        Blueprint blueprint = Blueprints.forBusinessType(businessType);

        Map<String, String> common = new LinkedHashMap<>();
        common.put("business_id", request.businessId());
        common.put("business_type", businessType);
        common.put("blueprint", blueprint.name());

        Map<String, Draft> phases = new LinkedHashMap<>();
        List<Draft> topLevel = new ArrayList<>();
        for (Phase phase : blueprint.phases()) {
            Draft draft = new Draft(idBase + phases.size(), phase.taskType(),
                    describe(phase, requirements, techStack), phase.critical(), common);
            phase.after().forEach(p -> draft.dependsOn.add(phases.get(p).id));
            draft.metadata.put("phase", phase.name());
            draft.metadata.put("kind", "phase");
            phases.put(phase.name(), draft);
            topLevel.add(draft);
        }
        Draft featuresAfter = phases.get(blueprint.featuresAfter());
        Draft verifier = phases.get(blueprint.featuresVerifiedBy());
        for (int n = 0; n < features.size(); n++) {
            Draft feature = new Draft(idBase + "f" + n, TaskTypes.IMPLEMENT, "Implement feature: " + features.get(n),
                    true, common);
            feature.dependsOn.add(featuresAfter.id);
            feature.metadata.put("phase", "mvp_feature");
            feature.metadata.put("kind", "feature");
            feature.metadata.put("feature", features.get(n));
            verifier.dependsOn.add(feature.id);
            topLevel.add(topLevel.indexOf(featuresAfter) + 1 + n, feature);
        }

        int[] count = {topLevel.size()};
        checkTotal(count[0]);
        topLevel.forEach(draft -> refine(draft, 0, count));
        List<PlannedTask> tasks = new ArrayList<>();
        topLevel.forEach(draft -> draft.emit(tasks));
        return checked(tasks);
    }

    /**
     * The dynamic update of the reference ({@code update_dag_dynamic}): follow-up tasks discovered from the result of
     * {@code parentId}. They wait for the parent (and for whatever else they list) and get metadata
     * {@code kind=followup, parent, update=n}; their descriptions are sanitized like a request.
     *
     * @throws PlanningRejected over {@link #MAX_SUBTASKS_PER_UPDATE}, {@link #MAX_UPDATES_PER_DAG},
     *                          {@link #MAX_RECURSION_DEPTH} or {@link #MAX_TOTAL_TASKS}, on a cycle, or on an unsafe
     *                          description
     */
    public TaskDag extend(TaskDag dag, String parentId, List<PlannedTask> subtasks) {
        PlannedTask parent = dag.task(parentId)
                .orElseThrow(() -> new IllegalArgumentException("no task " + parentId + " in the DAG"));
        if (subtasks.size() > limits.maxSubtasksPerUpdate()) {
            throw new PlanningRejected("an update adds " + subtasks.size() + " subtasks; the limit is "
                    + limits.maxSubtasksPerUpdate() + " (MAX_SUBTASKS_PER_UPDATE)");
        }
        int update = 1 + dag.tasks().stream()
                .mapToInt(t -> Integer.parseInt(t.metadata().getOrDefault("update", "0"))).max().orElse(0);
        if (update > limits.maxUpdatesPerDag()) {
            throw new PlanningRejected("the DAG was already updated " + (update - 1) + " times; the limit is "
                    + limits.maxUpdatesPerDag() + " (MAX_UPDATES_PER_DAG)");
        }
        int depth = Integer.parseInt(parent.metadata().getOrDefault("depth", "0")) + 1;
        if (depth > limits.maxRecursionDepth()) {
            throw new PlanningRejected("subtasks of " + parentId + " would be at depth " + depth + "; the limit is "
                    + limits.maxRecursionDepth() + " (MAX_RECURSION_DEPTH)");
        }
        List<PlannedTask> tasks = new ArrayList<>(dag.tasks());
        for (PlannedTask subtask : subtasks) {
            Set<String> dependsOn = new LinkedHashSet<>(List.of(parentId));
            dependsOn.addAll(subtask.dependsOn());
            Map<String, String> metadata = new LinkedHashMap<>(parent.metadata());
            metadata.keySet().removeAll(List.of("feature", "rollup"));
            metadata.putAll(subtask.metadata());
            metadata.put("kind", "followup");
            metadata.put("parent", parentId);
            metadata.put("depth", String.valueOf(depth));
            metadata.put("update", String.valueOf(update));
            tasks.add(new PlannedTask(subtask.id(), subtask.taskType(),
                    sanitizer.sanitize("subtask " + subtask.id(), subtask.description()), List.copyOf(dependsOn),
                    metadata, subtask.critical(), subtask.estimatedDurationSeconds()));
        }
        return checked(tasks);
    }

    private TaskDag checked(List<PlannedTask> tasks) {
        checkTotal(tasks.size());
        TaskDag dag = new TaskDag(tasks);
        if (dag.hasCycle()) {
            throw new PlanningRejected("the task graph has a cycle; tasks must not wait for each other in a loop");
        }
        return dag;
    }

    private void checkTotal(int total) {
        if (total > limits.maxTotalTasks()) {
            throw new PlanningRejected("the plan needs more than " + limits.maxTotalTasks()
                    + " tasks (MAX_TOTAL_TASKS)");
        }
    }

    private void refine(Draft draft, int depth, int[] count) {
        List<Subtask> rule = REFINEMENTS.get(draft.taskType);
        if (rule == null || depth >= limits.maxRecursionDepth()) {
            return;
        }
        if (rule.size() > limits.maxSubtasksPerUpdate()) {
            throw new PlanningRejected("refining " + draft.id + " adds " + rule.size() + " subtasks; the limit is "
                    + limits.maxSubtasksPerUpdate() + " (MAX_SUBTASKS_PER_UPDATE)");
        }
        count[0] += rule.size();
        checkTotal(count[0]);
        String label = draft.metadata.containsKey("feature") ? draft.metadata.get("feature")
                : draft.metadata.get("phase").replace('_', ' ');
        List<String> previous = List.copyOf(draft.dependsOn);
        for (Subtask subtask : rule) {
            Draft child = new Draft(draft.id + "_" + subtask.suffix(), subtask.taskType(),
                    subtask.verb() + ": " + label, draft.critical, draft.metadata);
            child.dependsOn.addAll(previous);
            child.metadata.put("kind", "subtask");
            child.metadata.put("parent", draft.id);
            child.metadata.put("depth", String.valueOf(depth + 1));
            draft.children.add(child);
            previous = List.of(child.id);
        }
        draft.dependsOn.clear();
        draft.children.forEach(child -> draft.dependsOn.add(child.id));
        draft.metadata.put("rollup", "true");
        draft.children.forEach(child -> refine(child, depth + 1, count));
    }

    private List<String> features(List<String> requested) {
        List<String> features = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String feature = sanitizer.sanitize("feature " + (i + 1), requested.get(i)).trim();
            if (!feature.isEmpty() && seen.add(feature.toLowerCase(Locale.ROOT))) {
                features.add(feature);
            }
        }
        if (features.size() > limits.maxSubtasksPerUpdate()) {
            throw new PlanningRejected(features.size() + " MVP features requested; at most "
                    + limits.maxSubtasksPerUpdate() + " are planned per business (MAX_SUBTASKS_PER_UPDATE)");
        }
        return features;
    }

    private static String describe(Phase phase, String requirements, List<String> techStack) {
        StringBuilder description = new StringBuilder(phase.description());
        if (phase.taskType().equals(TaskTypes.DESIGN) && !requirements.isBlank()) {
            description.append(" Requirements: ").append(requirements.strip());
        }
        if ((phase.taskType().equals(TaskTypes.DESIGN) || phase.taskType().equals(TaskTypes.ARCHITECTURE))
                && !techStack.isEmpty()) {
            description.append(" Tech stack: ").append(String.join(", ", techStack)).append('.');
        }
        return description.toString();
    }

    private static String idPrefix(String businessId) {
        String letters = businessId == null ? "" : businessId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (letters.isEmpty()) {
            throw new PlanningRejected("business id '" + businessId + "' has no letters or digits to name tasks by");
        }
        return letters.substring(0, Math.min(ID_PREFIX_LENGTH, letters.length()));
    }

    /** A task under construction; becomes a {@link PlannedTask} once refinement is done. */
    private static final class Draft {
        final String id;
        final String taskType;
        final String description;
        final boolean critical;
        final List<String> dependsOn = new ArrayList<>();
        final Map<String, String> metadata;
        final List<Draft> children = new ArrayList<>();

        Draft(String id, String taskType, String description, boolean critical, Map<String, String> metadata) {
            this.id = id;
            this.taskType = taskType;
            this.description = description;
            this.critical = critical;
            this.metadata = new LinkedHashMap<>(metadata);
            this.metadata.putIfAbsent("depth", "0");
        }

        /** Subtasks first (they run before their roll-up), then this task. */
        void emit(List<PlannedTask> out) {
            children.forEach(child -> child.emit(out));
            out.add(new PlannedTask(id, taskType, description, dependsOn, metadata, critical,
                    ESTIMATED_DURATION_SECONDS));
        }
    }
}
