package io.genesis.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import static io.genesis.deploy.KubeSchemas.list;
import static io.genesis.deploy.KubeSchemas.map;

/**
 * The objects `helm template` renders from helm/genesis with one value set, with lookups the checks need. Helm leaves
 * hooks (the `helm test` Pod) out of its output, so the chart is rendered from a copy under target/ whose hook
 * annotation is renamed ({@link #HOOK_SEEN_AS}): the hook is then rendered, validated and checked like the rest.
 */
record RenderedChart(String valueSet, List<Map<String, Object>> objects) {

    static final Path CHART = Path.of("helm/genesis");
    static final String HOOK_SEEN_AS = "checks.genesis.io/helm-hook";
    private static final Path CHECKED_COPY = Path.of("target/helm-checks/genesis");
    static final String RELEASE = "genesis";
    static final String NAMESPACE = "genesis-ci";

    /** Renders with a values file of helm/genesis/ci (as `helm template --kube-version 1.29.0 -f ...` would). */
    static RenderedChart render(String valuesFile) {
        return render(valuesFile, UnaryOperator.identity());
    }

    static RenderedChart render(String valuesFile, UnaryOperator<TemplateCommand> more) {
        TemplateCommand command = new Helm(checkedCopy()).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion("1.29.0").withValuesFile(CHART.resolve("ci").resolve(valuesFile));
        String manifests = more.apply(command).call();
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : KubeSchemas.yaml().loadAll(manifests)) {
            if (document != null) {
                objects.add(map(document));
            }
        }
        return new RenderedChart(valuesFile, objects);
    }

    private static boolean copied;

    private static synchronized Path checkedCopy() {
        if (copied) {
            return CHECKED_COPY;
        }
        try {
            if (Files.exists(CHECKED_COPY)) {
                try (Stream<Path> old = Files.walk(CHECKED_COPY)) {
                    old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            try (Stream<Path> files = Files.walk(CHART)) {
                for (Path source : files.toList()) {
                    Path target = CHECKED_COPY.resolve(CHART.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.writeString(target, Files.readString(source).replace("helm.sh/hook:", HOOK_SEEN_AS + ":"));
                    }
                }
            }
            copied = true;
            return CHECKED_COPY;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Map<String, Object> one(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst()
                .orElseThrow(() -> new AssertionError(valueSet + ": no " + kind + " " + name));
    }

    static String name(Map<String, Object> object) {
        return (String) map(object.get("metadata")).get("name");
    }

    static Map<String, Object> labels(Map<String, Object> object) {
        return map(map(object.get("metadata")).getOrDefault("labels", Map.of()));
    }

    /** The pod spec of a Deployment or Job, or the spec of a Pod. */
    static Map<String, Object> podSpec(Map<String, Object> object) {
        Map<String, Object> spec = map(object.get("spec"));
        return "Pod".equals(object.get("kind")) ? spec : map(map(spec.get("template")).get("spec"));
    }

    static List<Map<String, Object>> containers(Map<String, Object> podSpec) {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (String field : List.of("initContainers", "containers")) {
            if (podSpec.containsKey(field)) {
                list(podSpec.get(field)).forEach(c -> containers.add(map(c)));
            }
        }
        return containers;
    }

    /** Objects that run pods. */
    List<Map<String, Object>> workloads() {
        return objects.stream().filter(o -> List.of("Deployment", "Job", "Pod").contains(o.get("kind"))).toList();
    }

    static Object at(Map<String, Object> object, String... path) {
        Object value = object;
        for (String step : path) {
            value = value == null ? null : map(value).get(step);
        }
        return value;
    }

    static String env(Map<String, Object> container, String name) {
        return list(container.getOrDefault("env", List.of())).stream().map(KubeSchemas::map)
                .filter(e -> name.equals(e.get("name"))).map(e -> Objects.toString(e.get("value"), null))
                .findFirst().orElse(null);
    }
}
