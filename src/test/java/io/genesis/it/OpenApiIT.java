package io.genesis.it;

import io.genesis.problem.Problem;
import io.genesis.security.Roles;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /openapi}: open without a token, valid for a real OpenAPI parser, complete (every JAX-RS resource method of
 * {@code io.genesis} is in it with a summary, the bearer requirement, its roles and problem+json errors), and true
 * (every documented operation is routed on the running server: it may refuse the dummy values, but never as a path
 * no endpoint serves).
 */
class OpenApiIT {

    private static final List<Class<? extends Annotation>> VERBS = List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static OpenAPI document;

    @BeforeAll
    static void parse() {
        Await.ready();
        Api.Reply reply = Api.get("/openapi?format=JSON", Api.anonymous());
        assertEquals(200, reply.status(), "the document is open without a token: " + reply.body());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(reply.body(), null, options);
        assertEquals(List.of(), parsed.getMessages(), "the parser's messages");
        document = parsed.getOpenAPI();
        assertNotNull(document);
    }

    @Test
    void everyResourceMethodIsDocumentedWithItsSummaryRolesAndProblemResponses() throws IOException {
        Map<String, Method> methods = resourceMethods();
        assertTrue(methods.size() > 40, methods.keySet().toString());
        Map<String, Operation> operations = operations();
        assertEquals(methods.keySet(), operations.keySet(), "documented operations = JAX-RS resource methods");
        for (Map.Entry<String, Operation> entry : operations.entrySet()) {
            Operation operation = entry.getValue();
            Method method = methods.get(entry.getKey());
            String where = entry.getKey() + " (" + method.getDeclaringClass().getSimpleName() + "." + method.getName() + ")";
            assertTrue(operation.getSummary() != null && !operation.getSummary().isBlank(), where + " has a summary");
            assertTrue(operation.getDescription() != null && operation.getDescription().contains("Roles:"), where + ": " + operation.getDescription());
            assertEquals(List.of(Map.of("bearer", List.of())), operation.getSecurity().stream().map(Map::copyOf).toList(), where);
            assertEquals(Roles.allowedBy(method, method.getDeclaringClass()), operation.getExtensions().get("x-required-roles"), where);
            for (String status : List.of("401", "403", "503")) {
                ApiResponse response = resolved(operation.getResponses().get(status));
                assertNotNull(response, where + " documents " + status);
                assertNotNull(response.getContent().get(Problem.MEDIA_TYPE), where + " " + status + " is problem+json");
                assertFalse(response.getContent().get(Problem.MEDIA_TYPE).getExamples().isEmpty(), where + " " + status + " has an example");
            }
            if (operation.getRequestBody() != null) {
                boolean described = operation.getRequestBody().getContent().values().stream().anyMatch(media ->
                        media.getExamples() != null && !media.getExamples().isEmpty()
                                || media.getSchema() != null && media.getSchema().get$ref() != null);
                assertTrue(described, where + ": its body has an example or a schema of its own: " + operation.getRequestBody());
            }
            if (entry.getKey().contains("{")) {
                assertNotNull(resolved(operation.getResponses().get("404")), where + " documents 404");
            }
        }
        assertEquals("bearer", document.getComponents().getSecuritySchemes().get("bearer").getScheme());
    }

    /** The main read and create operations, with the status of their success answer. */
    private static final Map<String, String> WITH_EXAMPLES = Map.ofEntries(
            Map.entry("POST /api/businesses", "202"), Map.entry("GET /api/businesses", "200"),
            Map.entry("GET /api/businesses/{id}", "200"), Map.entry("GET /api/businesses/status-counts", "200"),
            Map.entry("GET /api/businesses/{id}/spend", "200"), Map.entry("POST /api/tasks", "202"),
            Map.entry("GET /api/tasks/{id}", "200"), Map.entry("POST /api/payments", "201"), Map.entry("GET /api/payments", "200"),
            Map.entry("GET /api/payments/{id}", "200"), Map.entry("GET /api/payments/spend", "200"),
            Map.entry("GET /api/payments/vendors", "200"), Map.entry("GET /api/budgets", "200"), Map.entry("GET /api/agents", "200"),
            Map.entry("GET /api/runtime", "200"), Map.entry("GET /api/ops/history", "200"), Map.entry("GET /api/ops/agents", "200"),
            Map.entry("GET /api/bus/dlq", "200"));

    @Test
    void theMainReadAndCreateOperationsShowARealSuccessAnswerAsTheirExample() {
        Map<String, Operation> operations = operations();
        for (Map.Entry<String, String> expected : WITH_EXAMPLES.entrySet()) {
            Operation operation = operations.get(expected.getKey());
            assertNotNull(operation, expected.getKey() + " is documented");
            assertNotNull(example(operation, expected.getValue()), expected.getKey() + " has a JSON example of its "
                    + expected.getValue() + " answer: " + operation.getResponses().get(expected.getValue()));
        }
        // each example has the members the running server really answers with: created, listed and read now
        Api.Reply created = Api.post("/api/businesses", "{\"business_type\":\"newsletter_automation\"}",
                Map.of("Idempotency-Key", "openapi-it-" + java.util.UUID.randomUUID()));
        assertEquals(202, created.status(), created.body());
        assertSameMembers("POST /api/businesses", "202", created.body());
        Api.Reply published = Api.post("/api/tasks", "{\"topic\":\"genesis.qa\",\"content\":{\"description\":\"review\"}}",
                Map.of("Idempotency-Key", "openapi-it-" + java.util.UUID.randomUUID()));
        assertEquals(202, published.status(), published.body());
        assertSameMembers("POST /api/tasks", "202", published.body());
        for (String read : List.of("/api/businesses?limit=1", "/api/businesses/status-counts", "/api/runtime",
                "/api/ops/history?window=hour", "/api/bus/dlq", "/api/payments/vendors", "/api/payments/spend?window=day")) {
            Api.Reply reply = Api.get(read);
            assertEquals(200, reply.status(), read + ": " + reply.body());
            assertSameMembers("GET " + read.replaceAll("\\?.*", ""), "200", reply.body());
        }
    }

    private static Object example(Operation operation, String status) {
        ApiResponse response = resolved(operation.getResponses().get(status));
        if (response == null || response.getContent() == null || response.getContent().get("application/json") == null) {
            return null;
        }
        var examples = response.getContent().get("application/json").getExamples();
        return examples == null || examples.isEmpty() ? null : examples.values().iterator().next().getValue();
    }

    /** The example's member names (and those of its first listed object) are the real answer's. */
    private static void assertSameMembers(String operation, String status, String realBody) {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            com.fasterxml.jackson.databind.JsonNode real = mapper.readTree(realBody);
            com.fasterxml.jackson.databind.JsonNode documented = mapper.valueToTree(example(operations().get(operation), status));
            assertEquals(members(real), members(documented), operation + ": the example's members are the real answer's");
            real.fields().forEachRemaining(field -> {
                com.fasterxml.jackson.databind.JsonNode other = documented.get(field.getKey());
                if (field.getValue().isArray() && field.getValue().size() > 0 && field.getValue().get(0).isObject()
                        && other != null && other.isArray() && other.size() > 0) {
                    assertEquals(members(field.getValue().get(0)), members(other.get(0)), operation + " " + field.getKey() + "[0]");
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.util.Set<String> members(com.fasterxml.jackson.databind.JsonNode node) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        (node.isArray() && node.size() > 0 ? node.get(0) : node).fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void everyDocumentedOperationIsRoutedOnTheServer() throws Exception {
        List<String> unrouted = new ArrayList<>();
        for (String operation : operations().keySet()) {
            String verb = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "openapi-it-dummy");
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(30))
                    .header(Api.AUTHORIZATION, "Bearer " + Api.TOKEN).header("Content-Type", "application/json");
            boolean withId = !path.equals(operation.substring(operation.indexOf(' ') + 1));
            request = switch (verb) {
                case "GET" -> request.GET();
                // a dummy id deletes nothing; a DELETE without one (a reset) is only asked which methods it allows
                case "DELETE" -> withId ? request.DELETE() : request.method("OPTIONS", HttpRequest.BodyPublishers.noBody());
                // a malformed body: refused before anything is changed, by an endpoint that exists
                default -> request.method(verb, HttpRequest.BodyPublishers.ofString("{"));
            };
            HttpResponse<InputStream> reply = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = reply.body()) {
                // an event stream stays open: its status and first bytes are enough
                body = reply.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream") ? ""
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = reply.statusCode();
            boolean noRoute = status == 404 && problemType(body).equals(Problem.NO_ROUTE);
            if (noRoute || status == 405 || status >= 500) {
                unrouted.add(operation + " -> " + status + " " + body);
            }
        }
        assertEquals(List.of(), unrouted);
    }

    @Test
    void aPathNoEndpointServesIsTheNoRouteProblemAndTheUiIsServed() {
        JsonObject api = Problems.of(Api.get("/api/no-such-endpoint"), 404);
        assertEquals(Problem.NO_ROUTE, api.getString("type"));
        JsonObject page = Problems.of(Api.get("/no-such-page", Api.anonymous()), 404);
        assertEquals(Problem.NO_ROUTE, page.getString("type"));
        JsonObject unknownId = Problems.of(Api.get("/api/payments/vendors/no-such-vendor"), 404);
        assertEquals("about:blank", unknownId.getString("type"), "an endpoint that exists answers an unknown id differently");

        Api.Reply ui = Api.get("/openapi/ui/", Api.anonymous());
        assertEquals(200, ui.status(), ui.body());
        assertTrue(ui.contentType().startsWith("text/html"), ui.contentType());
    }

    private static String problemType(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject().getString("type", "");
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static ApiResponse resolved(ApiResponse response) {
        if (response != null && response.get$ref() != null) {
            String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
            return document.getComponents().getResponses().get(name);
        }
        return response;
    }

    /** {@code "GET /api/payments/{id}"} → the documented operation. */
    private static Map<String, Operation> operations() {
        Map<String, Operation> operations = new TreeMap<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((verb, operation) ->
                operations.put(verb.name() + " " + path, operation)));
        return operations;
    }

    /** Every JAX-RS resource method of the application, keyed as {@link #operations()}. */
    private static Map<String, Method> resourceMethods() throws IOException {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        String root = "/" + io.genesis.api.GenesisApplication.class.getAnnotation(ApplicationPath.class).value().replaceAll("^/|/$", "");
        Map<String, Method> methods = new TreeMap<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("io/genesis"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, OpenApiIT.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    for (Class<? extends Annotation> verb : VERBS) {
                        if (method.isAnnotationPresent(verb)) {
                            Path own = method.getAnnotation(Path.class);
                            methods.put(verb.getSimpleName() + " " + join(root, base.value(), own == null ? "" : own.value()), method);
                        }
                    }
                }
            }
        }
        return methods;
    }

    private static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            String clean = part.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}").replaceAll("^/+|/+$", "");
            if (!clean.isEmpty()) {
                path.append('/').append(clean);
            }
        }
        return path.toString();
    }
}
