package io.genesis.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Strict validation of rendered Kubernetes objects against the Kubernetes + OpenShift OpenAPI definitions shipped in
 * {@code io.fabric8:kubernetes-model-validator} ({@code /openshift-generated.json}) and the KEDA CRD schemas in
 * {@code src/test/k8s-schemas}. fabric8's own Validator is not used (it maps networking.k8s.io to a schema that does
 * not exist, lets unknown kinds pass and rejects integer IntOrString/Quantity values): here a kind must be on
 * {@link #KINDS}, an unknown field fails, IntOrString and Quantity take a string or a number.
 */
final class KubeSchemas {

    /** The API versions the chart may use: served by Kubernetes 1.29+ and OpenShift 4.16+ (and KEDA 2.x). */
    static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("v1/ConfigMap", "io.k8s.api.core.v1.ConfigMap"),
            Map.entry("v1/Service", "io.k8s.api.core.v1.Service"),
            Map.entry("v1/ServiceAccount", "io.k8s.api.core.v1.ServiceAccount"),
            Map.entry("v1/Pod", "io.k8s.api.core.v1.Pod"),
            Map.entry("apps/v1/Deployment", "io.k8s.api.apps.v1.Deployment"),
            Map.entry("batch/v1/Job", "io.k8s.api.batch.v1.Job"),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler"),
            Map.entry("policy/v1/PodDisruptionBudget", "io.k8s.api.policy.v1.PodDisruptionBudget"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", "io.k8s.api.networking.v1.NetworkPolicy"),
            Map.entry("networking.k8s.io/v1/Ingress", "io.k8s.api.networking.v1.Ingress"),
            Map.entry("route.openshift.io/v1/Route", "io.openshift.route.v1.Route"),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", "com.coreos.monitoring.v1.ServiceMonitor"),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", "com.coreos.monitoring.v1.PrometheusRule"),
            Map.entry("keda.sh/v1alpha1/ScaledObject", "crd:keda.sh_scaledobjects.yaml"),
            Map.entry("keda.sh/v1alpha1/TriggerAuthentication", "crd:keda.sh_triggerauthentications.yaml"));

    private static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    private static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    private static final Path CRDS = Path.of("src/test/k8s-schemas");

    private final Map<String, Object> definitions;

    private KubeSchemas(Map<String, Object> definitions) {
        this.definitions = definitions;
    }

    static KubeSchemas load() {
        try (InputStream in = KubeSchemas.class.getResourceAsStream("/openshift-generated.json")) {
            Objects.requireNonNull(in, "openshift-generated.json (io.fabric8:kubernetes-model-validator) on the test class path");
            Map<String, Object> swagger = yaml().load(in);
            return new KubeSchemas(map(swagger.get("definitions")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        options.setMaxAliasesForCollections(500);
        return new Yaml(options);
    }

    /** Violations of one object (empty = valid); an object whose apiVersion/kind is not allowed is one violation. */
    List<String> validate(Map<String, Object> object) {
        String type = object.get("apiVersion") + "/" + object.get("kind");
        String schemaName = KINDS.get(type);
        List<String> errors = new ArrayList<>();
        if (schemaName == null) {
            errors.add(type + ": not an allowed API version and kind");
            return errors;
        }
        Map<String, Object> schema = schemaName.startsWith("crd:") ? crdSchema(schemaName.substring(4))
                : map(definitions.get(schemaName));
        Objects.requireNonNull(schema, schemaName);
        check(object, schema, type, errors);
        return errors;
    }

    private static Map<String, Object> crdSchema(String file) {
        try {
            Map<String, Object> crd = yaml().load(Files.readString(CRDS.resolve(file)));
            List<Object> versions = list(map(crd.get("spec")).get("versions"));
            Map<String, Object> storage = versions.stream().map(KubeSchemas::map)
                    .filter(version -> Boolean.TRUE.equals(version.get("storage"))).findFirst().orElseThrow();
            return map(map(storage.get("schema")).get("openAPIV3Schema"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void check(Object value, Map<String, Object> schema, String path, List<String> errors) {
        Object ref = schema.get("$ref");
        if (ref != null) {
            String name = ref.toString().substring("#/definitions/".length());
            if (name.equals(INT_OR_STRING) || name.equals(QUANTITY)) {
                requireStringOrNumber(value, path, errors);
                return;
            }
            check(value, map(Objects.requireNonNull(definitions.get(name), name)), path, errors);
            return;
        }
        if ("int-or-string".equals(schema.get("format")) || Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
            requireStringOrNumber(value, path, errors);
            return;
        }
        for (String alternatives : List.of("anyOf", "oneOf")) {
            if (schema.containsKey(alternatives)) {
                boolean matched = list(schema.get(alternatives)).stream().anyMatch(branch -> {
                    List<String> branchErrors = new ArrayList<>();
                    check(value, map(branch), path, branchErrors);
                    return branchErrors.isEmpty();
                });
                if (!matched) {
                    errors.add(path + ": matches none of " + alternatives);
                }
            }
        }
        Object type = schema.get("type");
        if (type != null && !hasType(value, type.toString())) {
            errors.add(path + ": expected " + type + ", got " + describe(value));
            return;
        }
        if (schema.containsKey("enum") && list(schema.get("enum")).stream().noneMatch(e -> String.valueOf(e).equals(String.valueOf(value)))) {
            errors.add(path + ": " + value + " not one of " + schema.get("enum"));
        }
        if (value instanceof String text) {
            if (schema.containsKey("pattern") && !Pattern.compile(schema.get("pattern").toString()).matcher(text).find()) {
                errors.add(path + ": '" + text + "' does not match " + schema.get("pattern"));
            }
            if (schema.containsKey("minLength") && text.length() < ((Number) schema.get("minLength")).intValue()) {
                errors.add(path + ": shorter than " + schema.get("minLength"));
            }
        }
        if (value instanceof Number number && schema.containsKey("minimum")
                && number.doubleValue() < ((Number) schema.get("minimum")).doubleValue()) {
            errors.add(path + ": below " + schema.get("minimum"));
        }
        if (value instanceof Map<?, ?> object) {
            checkObject(map(object), schema, path, errors);
        }
        if (value instanceof List<?> items) {
            if (schema.containsKey("minItems") && items.size() < ((Number) schema.get("minItems")).intValue()) {
                errors.add(path + ": fewer than " + schema.get("minItems") + " items");
            }
            if (schema.containsKey("items")) {
                for (int i = 0; i < items.size(); i++) {
                    check(items.get(i), map(schema.get("items")), path + "[" + i + "]", errors);
                }
            }
        }
    }

    private void checkObject(Map<String, Object> object, Map<String, Object> schema, String path, List<String> errors) {
        if (schema.containsKey("required")) {
            for (Object required : list(schema.get("required"))) {
                if (!object.containsKey(required.toString())) {
                    errors.add(path + ": missing required " + required);
                }
            }
        }
        Map<String, Object> properties = schema.containsKey("properties") ? map(schema.get("properties")) : Map.of();
        Object additional = schema.get("additionalProperties");
        boolean preserveUnknown = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
        for (Map.Entry<String, Object> field : object.entrySet()) {
            String fieldPath = path + "." + field.getKey();
            if (properties.containsKey(field.getKey())) {
                check(field.getValue(), map(properties.get(field.getKey())), fieldPath, errors);
            } else if (additional instanceof Map<?, ?> additionalSchema) {
                check(field.getValue(), map(additionalSchema), fieldPath, errors);
            } else if (!properties.isEmpty() && !preserveUnknown && !Boolean.TRUE.equals(additional)) {
                errors.add(fieldPath + ": unknown field");
            }
        }
    }

    private static boolean hasType(Object value, String type) {
        return switch (type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Integer || value instanceof Long || value instanceof BigInteger;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            default -> throw new IllegalStateException("schema type " + type);
        };
    }

    private static void requireStringOrNumber(Object value, String path, List<String> errors) {
        if (!(value instanceof String) && !(value instanceof Integer) && !(value instanceof Long) && !(value instanceof Double)) {
            errors.add(path + ": expected a string or a number, got " + describe(value));
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
