package io.genesis.runtime.boundary;

import io.genesis.api.JsonConventions;
import io.genesis.api.TenantResolver;
import io.genesis.problem.Problem;
import io.genesis.problem.ProblemException;
import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.AgentRegistry;
import io.genesis.runtime.Envelope;
import io.genesis.runtime.TaskPublisher;
import io.genesis.runtime.TaskResultRow;
import io.genesis.runtime.TaskResultStore;
import io.genesis.runtime.TaskState;
import io.genesis.runtime.TaskStatus;
import io.genesis.runtime.TaskStore;
import io.genesis.runtime.TaskTransitions;
import io.genesis.runtime.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Publishing and polling tasks: {@code POST /api/tasks} (202 + poll_url), {@code GET /api/tasks/{id}}, the seed's
 * {@code /api/invoke/async} + {@code /api/task/{id}} aliases, and the synchronous {@code POST /api/invoke}.
 */
@Path("/")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject
    AgentRegistry agents;

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
    @ConfigProperty(name = "genesis.tasks.max-body-bytes")
    int maxBodyBytes;

    @Inject
    @ConfigProperty(name = "genesis.tasks.invoke-wait-seconds")
    int invokeWaitSeconds;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("tasks")
    @Consumes(MediaType.WILDCARD)
    public Response publish(String body, @HeaderParam(IDEMPOTENCY_HEADER) String idempotencyKey,
                            @HeaderParam(TenantResolver.HEADER) String tenantHeader,
                            @HeaderParam(TraceContext.HEADER) String traceparent) {
        TaskPublisher.Published published = publishFrom(body, idempotencyKey, tenantHeader, traceparent);
        return accepted(published);
    }

    @POST
    @Path("invoke/async")
    @Consumes(MediaType.WILDCARD)
    public Response publishAsync(String body, @HeaderParam(IDEMPOTENCY_HEADER) String idempotencyKey,
                                 @HeaderParam(TenantResolver.HEADER) String tenantHeader,
                                 @HeaderParam(TraceContext.HEADER) String traceparent) {
        return publish(body, idempotencyKey, tenantHeader, traceparent);
    }

    /** Kept for old synchronous clients: waits for the result up to a limit, then answers 202 with the poll URL. */
    @POST
    @Path("invoke")
    @Consumes(MediaType.WILDCARD)
    public Response invoke(String body, @HeaderParam(IDEMPOTENCY_HEADER) String idempotencyKey,
                           @HeaderParam(TenantResolver.HEADER) String tenantHeader,
                           @HeaderParam(TraceContext.HEADER) String traceparent) throws InterruptedException {
        TaskPublisher.Published published = publishFrom(body, idempotencyKey, tenantHeader, traceparent);
        Instant deadline = Instant.now().plusSeconds(invokeWaitSeconds);
        long pause = 5;
        while (Instant.now().isBefore(deadline)) {
            Optional<TaskState> state = tasks.find(published.taskId());
            if (state.isPresent() && state.get().taskStatus().terminal()) {
                return Response.ok(state.get()).build();
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 200);
        }
        return accepted(published);
    }

    @GET
    @Path("tasks/{id}")
    public TaskState status(@PathParam("id") String taskId) {
        if (!ID.matcher(taskId).matches()) {
            throw ProblemException.notFound("No task " + taskId);
        }
        return tasks.find(taskId)
                .or(() -> results.find(taskId).map(TaskResultRow::asState))
                .orElseThrow(() -> ProblemException.notFound("No task " + taskId
                        + " (unknown, or its state expired from Redis and it never reached a terminal status)"));
    }

    /**
     * Cancels a task that has not started yet (its delivery is then skipped). A running or finished task answers
     * 409: a running handler is not interrupted from another worker.
     */
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

    @GET
    @Path("task/{id}")
    public TaskState statusAlias(@PathParam("id") String taskId) {
        return status(taskId);
    }

    private TaskPublisher.Published publishFrom(String body, String idempotencyKey, String tenantHeader, String traceparent) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("Request body is required: {\"topic\": \"genesis.build\", \"content\": {...}}");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > maxBodyBytes) {
            throw new ProblemException(Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "Request body exceeds " + maxBodyBytes + " bytes (genesis.tasks.max-body-bytes)"));
        }
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ProblemException.badRequest(IDEMPOTENCY_HEADER + " must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
        PublishRequest request = parse(body);
        if (request.topic() == null || request.topic().isBlank()) {
            throw ProblemException.badRequest("topic is required");
        }
        AgentPolicy policy = knownTopic(request.topic(), "topic");
        if (request.content() == null) {
            throw ProblemException.badRequest("content is required (any JSON value)");
        }
        if (request.replyTo() != null) {
            knownTopic(request.replyTo(), "reply_to");
        }
        if (request.webhook() != null) {
            validateWebhook(request.webhook());
        }
        requireId(request.correlationId(), "correlation_id");
        requireId(request.businessId(), "business_id");
        String tenant = tenants.resolve(request.tenantId(), tenantHeader);
        String taskId = TaskPublisher.newTaskId();
        Envelope envelope = new Envelope(taskId, policy.topic(), request.content(), request.webhook(), request.replyTo(),
                request.correlationId() == null ? taskId : request.correlationId(), null, "api", tenant, 0,
                Instant.now().toString(), TraceContext.continueOrStart(traceparent), request.businessId(), idempotencyKey, null);
        try {
            return publisher.publish(envelope);
        } catch (TaskPublisher.IdempotencyConflict conflict) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, conflict.getMessage()));
        }
    }

    private PublishRequest parse(String body) {
        JsonValue json;
        try (var reader = JsonConventions.json().createReader(new StringReader(body))) {
            json = reader.readValue();
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("Request body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (!(json instanceof JsonObject object)) {
            throw ProblemException.badRequest("Request body must be a JSON object");
        }
        try {
            return JsonConventions.jsonb().fromJson(object.toString(), PublishRequest.class);
        } catch (JsonbException e) {
            throw ProblemException.badRequest("Request body has a field of the wrong type: " + firstLine(e.getMessage()));
        }
    }

    private AgentPolicy knownTopic(String topic, String field) {
        return agents.byTopic(topic).orElseThrow(() -> new ProblemException(Problem.unprocessable(
                "Unknown " + field + " '" + topic + "'. Valid topics: " + String.join(", ", agents.topics()))
                .with("valid_topics", agents.topics())));
    }

    private static void validateWebhook(String webhook) {
        URI uri;
        try {
            uri = URI.create(webhook);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("webhook is not a valid URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
            throw ProblemException.badRequest("webhook must be an absolute http:// or https:// URL");
        }
    }

    private static void requireId(String value, String field) {
        if (value != null && !ID.matcher(value).matches()) {
            throw ProblemException.badRequest(field + " must be 1-64 characters of letters, digits, '.', '_', ':' or '-'");
        }
    }

    private Response accepted(TaskPublisher.Published published) {
        URI location = uriInfo.getBaseUriBuilder().path("tasks").path(published.taskId()).build();
        return Response.accepted(Map.of("task_id", published.taskId(), "status", "queued",
                        "poll_url", "/api/tasks/" + published.taskId()))
                .location(location)
                .header("Idempotent-Replayed", published.created() ? null : "true")
                .build();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
