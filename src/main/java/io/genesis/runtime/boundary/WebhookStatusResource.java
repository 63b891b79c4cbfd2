package io.genesis.runtime.boundary;

import io.genesis.problem.ProblemException;
import io.genesis.runtime.webhook.DeliveryStatus;
import io.genesis.runtime.webhook.WebhookDeliveries;
import io.genesis.security.Roles;
import io.genesis.security.TenantResolver;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.regex.Pattern;

/** {@code GET /api/tasks/{id}/webhook}: how the latest webhook delivery of a task went (kept as long as task states). */
@RolesAllowed({Roles.TENANT, Roles.APPROVER, Roles.OPERATOR})
@Path("tasks/{id}/webhook")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhookStatusResource {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    TaskResource tasks;

    @Inject
    TenantResolver tenants;

    @Operation(summary = "How a task's webhook delivery went",
            description = "State (`queued`, `retrying`, `delivered`, `failed`), attempts, last status and error and next attempt of the task's result webhook.")
    @GET
    public DeliveryStatus status(@PathParam("id") String taskId) {
        if (!ID.matcher(taskId).matches()) {
            throw ProblemException.notFound("No webhook delivery for task " + taskId);
        }
        if (!tenants.caller().isOperator()) {
            tasks.status(taskId); // 404 for an unknown task or another tenant's; operators see every delivery
        }
        return deliveries.latestForTask(taskId).orElseThrow(() -> ProblemException.notFound("No webhook delivery for task "
                + taskId + " (it had no webhook, it has not reached a terminal status, no attempt was made yet, or the"
                + " record expired)"));
    }
}
