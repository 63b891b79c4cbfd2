package io.genesis.openapi.boundary;

import io.genesis.security.Roles;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Completes the document MicroProfile OpenAPI generates from the resources, so the part every operation shares is
 * derived once from the code instead of restated on each method: for each operation it finds the resource method
 * (the generated {@code operationId} is {@code <package>.<Class>_<method>}), then requires the bearer scheme, lists the
 * roles of its {@code @RolesAllowed} (in the description and as {@code x-required-roles}), tags it with its component,
 * and adds the problem+json error responses it can give: 401 and 403 always, 400 with parameters or a body, 404 with
 * path parameters, 413/415/422 with a body, 503 when Redis or PostgreSQL is down. The operationId becomes
 * {@code <Class>_<method>}. Summaries and descriptions stay with each method ({@code @Operation}); success examples
 * come from files named after the operation ({@link SuccessExamples}).
 */
public class ApiDocumentFilter implements OASFilter {

    static final String SCHEME = "bearer";
    static final String ROLES_EXTENSION = "x-required-roles";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<Class<? extends Annotation>> VERBS = List.of(GET.class, POST.class, PUT.class, DELETE.class,
            PATCH.class, HEAD.class, OPTIONS.class);

    /** A shared error response: status, name in {@code components.responses}, what it means, an example detail. */
    private record Failure(String status, String name, String description, String exampleDetail) {
    }

    private static final Failure BAD_REQUEST = new Failure("400", "BadRequest",
            "A parameter or the body is malformed; `field` names it and `detail` starts with it",
            "limit must be a whole number from 1 to 1000");
    private static final Failure UNAUTHORIZED = new Failure("401", "Unauthorized",
            "No bearer token, or one whose signature, issuer, audience or expiry does not verify (with `WWW-Authenticate`)",
            "Send a bearer token: Authorization: Bearer <JWT> (see docs/security.md)");
    private static final Failure FORBIDDEN = new Failure("403", "Forbidden",
            "The token's groups claim holds none of the roles this operation needs (`required_roles`)",
            "this operation needs one of the roles [operator] in the token's groups claim");
    private static final Failure NOT_FOUND = new Failure("404", "NotFound",
            "Nothing under that id in the caller's tenant (another tenant's object is a 404 too); type `about:blank`."
                    + " A path no endpoint serves is also a 404, with type `urn:genesis:problem:no-route`",
            "No payment pay_01JC8Y3R8N4Q in this tenant");
    private static final Failure TOO_LARGE = new Failure("413", "PayloadTooLarge",
            "The body is larger than genesis.api.max-body-bytes or has too many members", "Request body too large.");
    private static final Failure UNSUPPORTED = new Failure("415", "UnsupportedMediaType",
            "A body of another media type than JSON", "Send JSON: Content-Type: application/json");
    private static final Failure UNPROCESSABLE = new Failure("422", "Unprocessable",
            "A well-formed request that cannot be carried out (an unknown agent, an impossible amount, ...)",
            "Unknown agent_id 'ghost_agent'");
    private static final Failure UNAVAILABLE = new Failure("503", "Unavailable",
            "Redis or PostgreSQL cannot be reached (with `Retry-After`); nothing was changed",
            "PostgreSQL cannot be reached: try again shortly");
    private static final List<Failure> FAILURES = List.of(BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, TOO_LARGE,
            UNSUPPORTED, UNPROCESSABLE, UNAVAILABLE);

    @Override
    public void filterOpenAPI(OpenAPI document) {
        Components components = document.getComponents() == null ? OASFactory.createComponents() : document.getComponents();
        document.setComponents(components);
        components.addSchema("Problem", problemSchema());
        FAILURES.forEach(failure -> components.addResponse(failure.name(), response(failure)));
        if (document.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : document.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                resourceMethod(operation.getOperationId(), entry.getKey()).ifPresent(method -> complete(path.getKey(), operation, method));
            }
        }
    }

    private static void complete(String path, Operation operation, Method method) {
        Class<?> resource = method.getDeclaringClass();
        List<String> roles = Roles.allowedBy(method, resource);
        operation.setOperationId(resource.getSimpleName() + "_" + method.getName());
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
        operation.addExtension(ROLES_EXTENSION, roles);
        String access = roles.isEmpty() ? "Open to no role." : "Roles: any of " + roles.stream().map(role -> "`" + role + "`")
                .collect(Collectors.joining(", ")) + ".";
        operation.setDescription(operation.getDescription() == null || operation.getDescription().isBlank() ? access
                : operation.getDescription().strip() + "\n\n" + access);
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            operation.addTag(component(resource));
        }
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (body || parameters) {
            add(responses, BAD_REQUEST);
        }
        add(responses, UNAUTHORIZED);
        add(responses, FORBIDDEN);
        if (path.contains("{")) {
            add(responses, NOT_FOUND);
        }
        if (body) {
            add(responses, TOO_LARGE);
            add(responses, UNSUPPORTED);
            add(responses, UNPROCESSABLE);
        }
        add(responses, UNAVAILABLE);
        SuccessExamples.addTo(operation.getOperationId(), responses);
    }

    private static void add(APIResponses responses, Failure failure) {
        if (!responses.hasAPIResponse(failure.status())) {
            responses.addAPIResponse(failure.status(), OASFactory.createAPIResponse().ref(failure.name()));
        }
    }

    /** The resource method behind a generated {@code <package>.<Class>_<method>} id, with that HTTP method. */
    static Optional<Method> resourceMethod(String operationId, PathItem.HttpMethod verb) {
        if (operationId == null) {
            return Optional.empty();
        }
        int split = operationId.indexOf('_', operationId.lastIndexOf('.') + 1);
        if (split < 0) {
            return Optional.empty();
        }
        Class<?> resource;
        try {
            resource = Class.forName(operationId.substring(0, split), false, ApiDocumentFilter.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
        String name = operationId.substring(split + 1);
        return Arrays.stream(resource.getMethods()).filter(method -> method.getName().equals(name))
                .filter(method -> VERBS.stream().filter(method::isAnnotationPresent)
                        .anyMatch(annotation -> annotation.getSimpleName().equals(verb.name())))
                .findFirst();
    }

    /** {@code io.genesis.payments.boundary.PaymentResource} → {@code payments}. */
    static String component(Class<?> resource) {
        String name = resource.getPackageName();
        String[] parts = name.split("\\.");
        return parts.length > 2 ? parts[2] : name;
    }

    private static APIResponse response(Failure failure) {
        Example example = OASFactory.createExample().value(Map.of("type", "about:blank", "title", title(failure), "status", Integer.parseInt(failure.status()),
                "detail", failure.exampleDetail(), "instance", "/api/payments/pay_01JC8Y3R8N4Q"));
        Content content = OASFactory.createContent().addMediaType(PROBLEM_JSON, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem")).addExample(failure.name(), example));
        return OASFactory.createAPIResponse().description(failure.description()).content(content);
    }

    private static String title(Failure failure) {
        return switch (failure.status()) {
            case "400" -> "Bad Request";
            case "401" -> "Unauthorized";
            case "403" -> "Forbidden";
            case "404" -> "Not Found";
            case "413" -> "Request Entity Too Large";
            case "415" -> "Unsupported Media Type";
            case "422" -> "Unprocessable Content";
            default -> "Service Unavailable";
        };
    }

    /** RFC 9457 problem details; members beyond these (such as {@code field} or {@code required_roles}) may be added. */
    private static Schema problemSchema() {
        Map<String, Schema> members = new LinkedHashMap<>();
        members.put("type", text("A URI reference naming the kind of problem; `about:blank` when the status says it all"));
        members.put("title", text("The status's reason phrase"));
        members.put("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).description("The HTTP status"));
        members.put("detail", text("What went wrong, in words a person can act on"));
        members.put("instance", text("The path of the request"));
        members.put("field", text("The parameter, header or body member at fault, when there is one"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).properties(members)
                .required(List.of("title", "status", "detail")).additionalPropertiesBoolean(true)
                .description("RFC 9457 problem details (application/problem+json)");
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
