package io.genesis.runtime.boundary;

import io.genesis.api.JsonConventions;
import io.genesis.outbound.OutboundUrls;
import io.genesis.problem.Problem;
import io.genesis.problem.ProblemException;
import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.AgentRegistry;
import io.genesis.retry.Backoff;
import io.genesis.runtime.Envelope;
import io.genesis.runtime.InlineInvocation;
import io.genesis.runtime.Rollout;
import io.genesis.runtime.RuntimeMetrics;
import io.genesis.runtime.TaskPublisher;
import io.genesis.runtime.TaskResultRow;
import io.genesis.runtime.TaskResultStore;
import io.genesis.runtime.TaskState;
import io.genesis.runtime.TaskStatus;
import io.genesis.runtime.TaskStore;
import io.genesis.runtime.TaskTransitions;
import io.genesis.runtime.TraceContext;
import io.genesis.security.Roles;
import io.genesis.security.TenantResolver;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishing and polling tasks: {@code POST /api/tasks} (202 + poll_url), {@code GET /api/tasks/{id}}, the seed's
 * {@code /api/invoke/async} + {@code /api/task/{id}} aliases, and the synchronous {@code POST /api/invoke}.
 */
@RolesAllowed({Roles.TENANT, Roles.OPERATOR})
@Path("/")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    /** Names the request for the rollout when it has no Idempotency-Key, so a retry keeps its path. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** Which path answered a {@code POST /api/invoke}: {@code sync} or {@code async}. */
    public static final String PATH_HEADER = "Genesis-Invoke-Path";
    private static final String IDEMPOTENCY_KEY = "[A-Za-z0-9._:-]{1,128}";
    private static final String IDEMPOTENCY_RULE = "must be 1-128 characters of letters, digits, '.', '_', ':' or '-'";
    private static final String BODY_REQUIRED = "is required: {\"topic\": \"genesis.build\", \"content\": {...}}";
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(PublishRequest.ID);

    @Inject
    AgentRegistry agents;

    /** How often a synchronous invoke looks at its task: 5 ms doubling to 200 ms. */
    private static final Backoff INVOKE_POLL = new Backoff(5, 200, Backoff.Jitter.NONE);

    @Inject
    TaskPublisher publisher;

    @Inject
    TaskStore tasks;

    @Inject
    TaskTransitions transitions;

    @Inject
    TaskResultStore results;

    @Inject
    TenantResolver tenants;

    @Inject
    @ConfigProperty(name = "genesis.tasks.invoke-wait-seconds")
    int invokeWaitSeconds;

    /** Synchronous invokes that may wait at once on this worker (each holds an HTTP thread); more get 202 at once. */
    @Inject
    @ConfigProperty(name = "genesis.tasks.invoke-max-waiting")
    int invokeMaxWaiting;

    @Inject
    RuntimeMetrics metrics;

    @Inject
    Rollout rollout;

    @Inject
    InlineInvocation inline;

    /** Topics only Genesis itself publishes to (the Meta-Agent's orchestration topic): never through the API. */
    @Inject
    @ConfigProperty(name = "genesis.tasks.internal-topics")
    List<String> internalTopics;
    @Inject
    OutboundUrls outboundUrls;

    @Context
    UriInfo uriInfo;

    @Operation(summary = "Publish a task",
            description = "Publishes a task to a registered topic for its agent; 202 with the task id and where to poll its state. `Idempotency-Key` makes a retry return the same task.")
    @POST
    @Path("tasks")
    public Response publish(@Valid @NotNull(message = BODY_REQUIRED) PublishRequest request,
                            @HeaderParam(IDEMPOTENCY_HEADER) @Pattern(regexp = IDEMPOTENCY_KEY, message = IDEMPOTENCY_RULE) String idempotencyKey,
                            @HeaderParam(TenantResolver.HEADER) String tenantHeader,
                            @HeaderParam(TraceContext.HEADER) String traceparent) {
        return accepted(publishFrom(request, idempotencyKey, tenantHeader, traceparent));
    }

    @Operation(summary = "Publish a task (invoke alias)",
            description = "The same as `POST /api/tasks`, under the name of the original `invoke/async` endpoint.")
    @POST
    @Path("invoke/async")
    public Response publishAsync(@Valid @NotNull(message = BODY_REQUIRED) PublishRequest request,
                                 @HeaderParam(IDEMPOTENCY_HEADER) @Pattern(regexp = IDEMPOTENCY_KEY, message = IDEMPOTENCY_RULE) String idempotencyKey,
                                 @HeaderParam(TenantResolver.HEADER) String tenantHeader,
                                 @HeaderParam(TraceContext.HEADER) String traceparent) {
        return publish(request, idempotencyKey, tenantHeader, traceparent);
    }

    /**
     * Kept for old synchronous clients. {@link Rollout} picks the path per request key (Idempotency-Key, else
     * X-Request-Id): the async runtime (publish, then wait for the result up to {@code genesis.tasks.invoke-wait-seconds},
     * then 202 with the poll URL; at most {@code genesis.tasks.invoke-max-waiting} wait at once, the others get 202 at
     * once) or the synchronous in-request path ({@link InlineInvocation}: one attempt, no retries, no record). A request
     * with {@code reply_to} or {@code webhook} always goes async: only the runtime honours them. The answer names its
     * path in {@value #PATH_HEADER}.
     */
    @Operation(summary = "Run a task and wait for its result",
            description = "For synchronous clients: publishes the task and waits up to genesis.tasks.invoke-wait-seconds for it to finish; 200 with the finished task, else (or when too many callers already wait) 202 with where to poll.")
    @POST
    @Path("invoke")
    public Response invoke(@Valid @NotNull(message = BODY_REQUIRED) PublishRequest request,
                           @HeaderParam(IDEMPOTENCY_HEADER) @Pattern(regexp = IDEMPOTENCY_KEY, message = IDEMPOTENCY_RULE) String idempotencyKey,
                           @HeaderParam(REQUEST_ID_HEADER) @Pattern(regexp = IDEMPOTENCY_KEY, message = IDEMPOTENCY_RULE) String requestId,
                           @HeaderParam(TenantResolver.HEADER) String tenantHeader,
                           @HeaderParam(TraceContext.HEADER) String traceparent) throws InterruptedException {
        Accepted task = accept(request, idempotencyKey, tenantHeader, traceparent);
        boolean runtimeOnly = request.replyTo() != null || request.webhook() != null;
        if (!runtimeOnly && rollout.pathFor(idempotencyKey != null ? idempotencyKey : requestId) == Rollout.Path.SYNC) {
            return Response.ok(inline.run(task.policy(), task.envelope())).header(PATH_HEADER, Rollout.Path.SYNC.label()).build();
        }
        long begin = System.nanoTime();
        Response answer = awaitResult(task.envelope().topic(), published(task.envelope()));
        String outcome = answer.getEntity() instanceof TaskState state ? state.status() : "accepted";
        metrics.invoked(Rollout.Path.ASYNC, outcome, Duration.ofNanos(System.nanoTime() - begin));
        return Response.fromResponse(answer).header(PATH_HEADER, Rollout.Path.ASYNC.label()).build();
    }

    private Response awaitResult(String topic, TaskPublisher.Published published) throws InterruptedException {
        if (!metrics.invokeWaitStarted(invokeMaxWaiting)) {
            return accepted(published); // every waiting place is taken: poll instead
        }
        try {
            Instant deadline = Instant.now().plusSeconds(invokeWaitSeconds);
            for (int polls = 1; Instant.now().isBefore(deadline); polls++) {
                Optional<TaskState> state = tasks.find(topic, published.taskId());
                if (state.isPresent() && state.get().taskStatus().terminal()) {
                    return Response.ok(state.get()).build();
                }
                Thread.sleep(INVOKE_POLL.ceilingMillis(polls));
            }
            return accepted(published);
        } finally {
            metrics.invokeWaitEnded();
        }
    }

    @Operation(summary = "A task's state",
            description = "The task's status (QUEUED, PROCESSING, COMPLETED, FAILED, DEAD_LETTERED, TIMED_OUT, CANCELLED), attempts, history, result or error; another tenant's task is a 404.")
    @RolesAllowed({Roles.TENANT, Roles.APPROVER, Roles.OPERATOR})
    @GET
    @Path("tasks/{id}")
    public TaskState status(@PathParam("id") String taskId) {
        if (!ID.matcher(taskId).matches()) {
            throw ProblemException.notFound("No task " + taskId);
        }
        // another tenant's task is answered exactly like a missing one
        return tasks.find(taskId)
                .or(() -> results.find(taskId).map(TaskResultRow::asState))
                .filter(state -> tenants.mayAccess(state.tenantId()))
                .orElseThrow(() -> ProblemException.notFound("No task " + taskId
                        + " (unknown, or its state expired from Redis and it never reached a terminal status)"));
    }

    /**
     * Cancels a task that has not started yet (its delivery is then skipped). A running or finished task answers
     * 409: a running handler is not interrupted from another worker.
     */
    @Operation(summary = "Cancel a task",
            description = "Cancels a task that has not started yet (its delivery is then skipped); a running or finished task is a 409.")
    @DELETE
    @Path("tasks/{id}")
    public TaskState cancel(@PathParam("id") String taskId) {
        TaskState state = status(taskId);
        if (!state.taskStatus().equals(TaskStatus.QUEUED)) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "Task " + taskId + " is " + state.status()
                    + "; only queued tasks can be cancelled"));
        }
        AgentPolicy policy = agents.byTopic(state.topic()).orElseThrow(() -> ProblemException.notFound("No task " + taskId));
        Envelope envelope = new Envelope(state.taskId(), state.topic(), null, null, null, state.correlationId(),
                state.causationId(), "api", state.tenantId(), state.attempts(), state.createdAt(), null, state.businessId(), null, null);
        if (!transitions.cancelQueued(policy, envelope, state.attempts(), state.history())) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "Task " + taskId + " started meanwhile; not cancelled"));
        }
        return status(taskId);
    }

    @Operation(summary = "A task's state (alias)",
            description = "The same as `GET /api/tasks/{id}`, under the path of the original API.")
    @RolesAllowed({Roles.TENANT, Roles.APPROVER, Roles.OPERATOR})
    @GET
    @Path("task/{id}")
    public TaskState statusAlias(@PathParam("id") String taskId) {
        return status(taskId);
    }

    /** A validated request turned into the envelope of a new task, with its agent's policy; nothing published yet. */
    private record Accepted(AgentPolicy policy, Envelope envelope) {
    }

    private TaskPublisher.Published publishFrom(PublishRequest request, String idempotencyKey, String tenantHeader,
                                                String traceparent) {
        return published(accept(request, idempotencyKey, tenantHeader, traceparent).envelope());
    }

    private Accepted accept(PublishRequest request, String idempotencyKey, String tenantHeader, String traceparent) {
        AgentPolicy policy = knownTopic(request.topic(), "topic");
        if (request.replyTo() != null) {
            knownTopic(request.replyTo(), "reply_to");
        }
        notInternal(request.topic(), "topic");
        notInternal(request.replyTo(), "reply_to");
        if (request.webhook() != null) {
            outboundUrls.checkGiven(request.webhook(), "webhook");
        }
        // a NUL cannot be stored in PostgreSQL: refused here, not accepted and then lost on the way to the result row
        JsonConventions.refuseNul("content", request.content());
        String tenant = tenants.resolve(request.tenantId(), tenantHeader);
        String taskId = TaskPublisher.newTaskId();
        return new Accepted(policy, new Envelope(taskId, policy.topic(), request.content(), request.webhook(), request.replyTo(),
                request.correlationId() == null ? taskId : request.correlationId(), null, "api", tenant, 0,
                Instant.now().toString(), TraceContext.continueOrStart(traceparent), request.businessId(), idempotencyKey, null));
    }

    private TaskPublisher.Published published(Envelope envelope) {
        try {
            return publisher.publish(envelope);
        } catch (TaskPublisher.IdempotencyConflict conflict) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, conflict.getMessage()));
        }
    }

    private void notInternal(String topic, String field) {
        if (topic != null && internalTopics.contains(topic)) {
            throw new ProblemException(Problem.of(Response.Status.FORBIDDEN, field + " '" + topic
                    + "' is internal to Genesis: only Genesis itself publishes there").with("field", field));
        }
    }

    private AgentPolicy knownTopic(String topic, String field) {
        return agents.byTopic(topic).orElseThrow(() -> new ProblemException(Problem.unprocessable(
                "Unknown " + field + " '" + topic + "'. Valid topics: " + String.join(", ", agents.topics()))
                .with("field", field).with("valid_topics", agents.topics())));
    }

    private Response accepted(TaskPublisher.Published published) {
        URI location = uriInfo.getBaseUriBuilder().path("tasks").path(published.taskId()).build();
        return Response.accepted(Map.of("task_id", published.taskId(), "status", "queued",
                        "poll_url", "/api/tasks/" + published.taskId()))
                .location(location)
                .header("Idempotent-Replayed", published.created() ? null : "true")
                .build();
    }
}
