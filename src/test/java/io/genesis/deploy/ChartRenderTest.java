package io.genesis.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.genesis.deploy.KubeSchemas.list;
import static io.genesis.deploy.KubeSchemas.map;
import static io.genesis.deploy.RenderedChart.at;
import static io.genesis.deploy.RenderedChart.containers;
import static io.genesis.deploy.RenderedChart.env;
import static io.genesis.deploy.RenderedChart.labels;
import static io.genesis.deploy.RenderedChart.name;
import static io.genesis.deploy.RenderedChart.podSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * helm/genesis rendered by real Helm (helm-java) with every value set of helm/genesis/ci, each object validated
 * strictly against the Kubernetes/OpenShift/KEDA schemas, then the platform's rules checked on what was rendered:
 * OpenShift restricted-v2, probes, no secret values, labels and selectors that match.
 */
class ChartRenderTest {

    private static final String FULLNAME = "genesis";
    /** Environment variables that carry credentials: only ever from a Secret. */
    private static final Pattern SECRET_ENV = Pattern.compile(
            "PASSWORD|SECRET|PRIVATE_KEY|API_KEY|ACCESS_KEY|AUTHORIZATION|REDIS_URL|RPC_URL|DB_USER|MP_JWT_VERIFY_PUBLICKEY$");

    private static KubeSchemas schemas;

    @BeforeAll
    static void loadSchemas() {
        schemas = KubeSchemas.load();
    }

    static Stream<String> valueSets() throws IOException {
        try (Stream<Path> files = Files.list(RenderedChart.CHART.resolve("ci"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("-values.yaml")).sorted().toList();
            assertEquals(5, names.size(), "value sets: " + names);
            return names.stream();
        }
    }

    @Test
    void lintStrictPasses() {
        LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void everyRenderedObjectIsValidAgainstItsSchema(String valueSet) {
        RenderedChart chart = RenderedChart.render(valueSet);
        assertFalse(chart.objects().isEmpty());
        List<String> errors = new ArrayList<>();
        chart.objects().forEach(o -> errors.addAll(schemas.validate(o).stream().map(e -> name(o) + " " + e).toList()));
        assertTrue(errors.isEmpty(), valueSet + ":\n" + String.join("\n", errors));
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void everyPodMeetsOpenShiftRestrictedV2(String valueSet) {
        RenderedChart chart = RenderedChart.render(valueSet);
        assertFalse(chart.workloads().isEmpty());
        for (Map<String, Object> workload : chart.workloads()) {
            String where = valueSet + " " + name(workload);
            Map<String, Object> pod = podSpec(workload);
            assertEquals(Boolean.FALSE, pod.get("automountServiceAccountToken"), where);
            for (String forbidden : List.of("hostNetwork", "hostPID", "hostIPC", "volumes.hostPath")) {
                assertFalse(String.valueOf(pod).contains(forbidden.replace("volumes.", "") + "="), where + " " + forbidden);
            }
            Map<String, Object> podSecurity = map(pod.get("securityContext"));
            assertEquals(Boolean.TRUE, podSecurity.get("runAsNonRoot"), where);
            assertEquals("RuntimeDefault", at(podSecurity, "seccompProfile", "type"), where);
            for (String fixed : List.of("runAsUser", "runAsGroup", "fsGroup")) {
                assertFalse(podSecurity.containsKey(fixed), where + ": the SCC assigns " + fixed);
            }
            for (Map<String, Object> container : containers(pod)) {
                String at = where + "/" + container.get("name");
                Map<String, Object> security = map(container.get("securityContext"));
                assertEquals(Boolean.FALSE, security.get("allowPrivilegeEscalation"), at);
                assertEquals(Boolean.TRUE, security.get("runAsNonRoot"), at);
                assertEquals(Boolean.TRUE, security.get("readOnlyRootFilesystem"), at);
                assertEquals(List.of("ALL"), at(security, "capabilities", "drop"), at);
                assertNull(at(security, "capabilities", "add"), at);
                assertFalse(security.containsKey("privileged"), at);
                assertEquals("RuntimeDefault", at(security, "seccompProfile", "type"), at);
                for (String fixed : List.of("runAsUser", "runAsGroup")) {
                    assertFalse(security.containsKey(fixed), at + ": the SCC assigns " + fixed);
                }
                String image = (String) container.get("image");
                String nameAndTag = image.substring(image.lastIndexOf('/') + 1);
                assertTrue((nameAndTag.matches("[^:@]+:[A-Za-z0-9_.-]+") || image.matches(".+@sha256:[0-9a-f]{64}")) && !image.endsWith(":latest"),
                        at + ": image pinned by tag or digest, never latest: " + image);
                assertNotNull(at(container, "resources", "requests", "cpu"), at + " cpu request");
                assertNotNull(at(container, "resources", "requests", "memory"), at + " memory request");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void applicationPodsProbeTheThreeHealthPathsAndDrainBeforeTheyAreKilled(String valueSet) {
        RenderedChart chart = RenderedChart.render(valueSet);
        Map<String, Object> config = map(chart.one("ConfigMap", FULLNAME + "-config").get("data"));
        int shutdownGrace = Integer.parseInt((String) config.get("GENESIS_RUNTIME_SHUTDOWN_GRACE_SECONDS"));
        List<Map<String, Object>> deployments = chart.ofKind("Deployment");
        assertFalse(deployments.isEmpty());
        for (Map<String, Object> deployment : deployments) {
            String where = valueSet + " " + name(deployment);
            Map<String, Object> pod = podSpec(deployment);
            Map<String, Object> container = containers(pod).get(0);
            assertEquals("/health/started", at(container, "startupProbe", "httpGet", "path"), where);
            assertEquals("/health/live", at(container, "livenessProbe", "httpGet", "path"), where);
            assertEquals("/health/ready", at(container, "readinessProbe", "httpGet", "path"), where);
            List<Object> preStop = list(at(container, "lifecycle", "preStop", "exec", "command"));
            int preStopSleep = Integer.parseInt(preStop.get(1).toString());
            int grace = (Integer) pod.get("terminationGracePeriodSeconds");
            assertTrue(grace > preStopSleep + shutdownGrace, where + ": grace " + grace + " > " + preStopSleep + " + " + shutdownGrace);
            String role = (String) labels(deployment).get("app.kubernetes.io/component");
            assertEquals(role, env(container, "GENESIS_ROLE"), where);
            if (!valueSet.startsWith("minimal")) {
                assertNotNull(pod.get("topologySpreadConstraints"), where + " topology spread");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void noSecretValueIsRendered(String valueSet) {
        RenderedChart chart = RenderedChart.render(valueSet);
        assertTrue(chart.ofKind("Secret").isEmpty(), "the chart references Secrets by name, never creates them");
        for (Map<String, Object> workload : chart.workloads()) {
            for (Map<String, Object> container : containers(podSpec(workload))) {
                for (Object item : list(container.getOrDefault("env", List.of()))) {
                    Map<String, Object> env = map(item);
                    String name = (String) env.get("name");
                    if (SECRET_ENV.matcher(name).find()) {
                        assertNull(env.get("value"), name + " must not have a literal value");
                        assertNotNull(at(env, "valueFrom", "secretKeyRef", "name"), name + " from a Secret");
                    }
                }
            }
        }
        for (Map<String, Object> configMap : chart.ofKind("ConfigMap")) {
            map(configMap.get("data")).keySet().forEach(key ->
                    assertFalse(SECRET_ENV.matcher(key).find(), name(configMap) + " holds " + key));
        }
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void labelsAndSelectorsMatchWhatTheyTarget(String valueSet) {
        RenderedChart chart = RenderedChart.render(valueSet);
        List<Map<String, Object>> podLabels = chart.ofKind("Deployment").stream()
                .map(d -> map(at(d, "spec", "template", "metadata", "labels"))).toList();
        for (Map<String, Object> deployment : chart.ofKind("Deployment")) {
            Map<String, Object> selector = map(at(deployment, "spec", "selector", "matchLabels"));
            assertTrue(map(at(deployment, "spec", "template", "metadata", "labels")).entrySet().containsAll(selector.entrySet()),
                    name(deployment));
        }
        for (Map<String, Object> service : chart.ofKind("Service")) {
            Map<String, Object> selector = map(at(service, "spec", "selector"));
            assertTrue(podLabels.stream().anyMatch(l -> l.entrySet().containsAll(selector.entrySet())), name(service) + " selects no pod");
        }
        for (Map<String, Object> pdb : chart.ofKind("PodDisruptionBudget")) {
            Map<String, Object> selector = map(at(pdb, "spec", "selector", "matchLabels"));
            assertTrue(podLabels.stream().anyMatch(l -> l.entrySet().containsAll(selector.entrySet())), name(pdb) + " selects no pod");
        }
        Set<String> deployments = Set.copyOf(chart.ofKind("Deployment").stream().map(RenderedChart::name).toList());
        for (String kind : List.of("HorizontalPodAutoscaler", "ScaledObject")) {
            for (Map<String, Object> scaler : chart.ofKind(kind)) {
                assertTrue(deployments.contains((String) at(scaler, "spec", "scaleTargetRef", "name")), name(scaler));
            }
        }
        Set<String> services = Set.copyOf(chart.ofKind("Service").stream().map(RenderedChart::name).toList());
        chart.ofKind("Route").forEach(r -> assertTrue(services.contains((String) at(r, "spec", "to", "name")), name(r)));
        for (Map<String, Object> ingress : chart.ofKind("Ingress")) {
            Map<String, Object> path = map(list(at(map(list(at(ingress, "spec", "rules")).get(0)), "http", "paths")).get(0));
            assertTrue(services.contains((String) at(path, "backend", "service", "name")), name(ingress));
        }
        for (Map<String, Object> object : chart.objects()) {
            Map<String, Object> labels = labels(object);
            assertEquals("genesis", labels.get("app.kubernetes.io/name"), name(object));
            assertEquals(RenderedChart.RELEASE, labels.get("app.kubernetes.io/instance"), name(object));
        }
    }

    @Test
    void defaultsSplitApiAndWorkersWithAnHpaAndNetworkPolicy() {
        RenderedChart chart = RenderedChart.render("default-values.yaml");
        Map<String, Object> api = chart.one("Deployment", FULLNAME + "-api");
        Map<String, Object> worker = chart.one("Deployment", FULLNAME + "-worker");
        assertNull(at(api, "spec", "replicas"), "the HPA owns the api's replicas");
        assertEquals(2, at(worker, "spec", "replicas"));
        chart.one("HorizontalPodAutoscaler", FULLNAME + "-api");
        chart.one("NetworkPolicy", FULLNAME);
        chart.one("ServiceAccount", FULLNAME);
        assertEquals(Boolean.FALSE, chart.one("ServiceAccount", FULLNAME).get("automountServiceAccountToken"));
        assertTrue(chart.ofKind("Route").isEmpty(), "helm template knows no cluster: openshift=auto renders no Route");
        chart.one("Ingress", FULLNAME);
        assertTrue(chart.ofKind("ScaledObject").isEmpty(), "KEDA is off by default");
        assertEquals(2, chart.ofKind("PodDisruptionBudget").size());
        Map<String, Object> config = map(chart.one("ConfigMap", FULLNAME + "-config").get("data"));
        assertEquals("false", config.get("GENESIS_DEV_SERVICES_ENABLED"));
        assertFalse(config.containsKey("GENESIS_SIMULATION_ENABLED"), "simulation stays at its default, off");
    }

    @Test
    void openShiftGetsAnEdgeRouteWithRedirectAndTheObservabilityObjects() {
        RenderedChart chart = RenderedChart.render("openshift-values.yaml");
        Map<String, Object> route = chart.one("Route", FULLNAME);
        assertEquals("edge", at(route, "spec", "tls", "termination"));
        assertEquals("Redirect", at(route, "spec", "tls", "insecureEdgeTerminationPolicy"));
        assertEquals("genesis.apps.example.com", at(route, "spec", "host"));
        assertTrue(chart.ofKind("Ingress").isEmpty());
        Map<String, Object> config = map(chart.one("ConfigMap", FULLNAME + "-config").get("data"));
        assertEquals("https://keycloak.example.com/realms/genesis", config.get("MP_JWT_VERIFY_ISSUER"));
        assertEquals("https://keycloak.example.com/realms/genesis/protocol/openid-connect/certs", config.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        assertEquals("https://api.openai.com/v1", config.get("GENESIS_LLM_BASE_URL"));
        assertNull(config.get("DB_URL"), "the JDBC URL comes from the operator's Secret");
        Map<String, Object> api = containers(podSpec(chart.one("Deployment", FULLNAME + "-api"))).get(0);
        Map<String, String> secretEnv = secretEnv(api);
        assertEquals("genesis-db-app/jdbc-uri", secretEnv.get("DB_URL"));
        assertEquals("genesis-webhooks/secret", secretEnv.get("GENESIS_WEBHOOKS_SECRET"));
        assertEquals("genesis-wallet/private-key", secretEnv.get("GENESIS_PAYMENTS_WALLET_PRIVATE_KEY"));
        assertEquals("s3", config.get("GENESIS_SITES_STORAGE"), "site storage is plain configuration");
        assertEquals("genesis-sites-bucket/access-key", secretEnv.get("GENESIS_SITES_S3_ACCESS_KEY"));
        assertEquals("genesis-sites-bucket/secret-key", secretEnv.get("GENESIS_SITES_S3_SECRET_KEY"));
        String policy = String.valueOf(chart.one("NetworkPolicy", FULLNAME).get("spec"));
        assertTrue(policy.contains("policy-group.network.openshift.io/ingress"), policy);
        assertTrue(policy.contains("10.0.10.0/24") && policy.contains("10.0.20.0/24"), policy);
        chart.one("ServiceMonitor", FULLNAME);
        List<Object> rules = list(map(list(at(chart.one("PrometheusRule", FULLNAME), "spec", "groups")).get(0)).get("rules"));
        assertEquals(List.of("GenesisWorkerHeartbeatMissing", "GenesisDeadLetterQueueDeep", "GenesisTaskFailureRateHigh",
                "GenesisTaskLatencyHigh"), rules.stream().map(r -> map(r).get("alert")).toList());
        String dashboard = (String) map(chart.one("ConfigMap", FULLNAME + "-dashboard").get("data")).get("genesis-dashboard.json");
        assertTrue(dashboard.contains("omnidaemon_dlq_depth"), "dashboard JSON embedded");
    }

    @Test
    void kedaScalesWorkersOnEveryAgentsConsumerGroupWithTheRedisSecret() throws IOException {
        RenderedChart chart = RenderedChart.render("keda-values.yaml");
        assertNull(at(chart.one("Deployment", FULLNAME + "-worker"), "spec", "replicas"), "KEDA owns the workers' replicas");
        Map<String, Object> scaled = chart.one("ScaledObject", FULLNAME + "-worker");
        Map<String, String> topics = agentTopics();
        List<Object> triggers = list(at(scaled, "spec", "triggers"));
        assertEquals(topics.size(), triggers.size());
        for (Object item : triggers) {
            Map<String, Object> trigger = map(item);
            assertEquals("redis-streams", trigger.get("type"));
            assertEquals(FULLNAME + "-redis", at(trigger, "authenticationRef", "name"));
            Map<String, Object> metadata = map(trigger.get("metadata"));
            String agent = metadata.get("consumerGroup").toString().substring("group:".length());
            assertEquals("omni-stream:" + topics.get(agent), metadata.get("stream"), agent);
            assertEquals("redis.genesis-data.svc:6380", metadata.get("address"));
            assertEquals("50", metadata.get("lagCount"));
            assertEquals("true", metadata.get("enableTLS"));
            assertEquals("0", metadata.get("databaseIndex"));
            metadata.values().forEach(v -> assertTrue(v instanceof String, "trigger metadata values are strings: " + metadata));
        }
        Map<String, Object> auth = chart.one("TriggerAuthentication", FULLNAME + "-redis");
        Map<String, String> parameters = new LinkedHashMap<>();
        list(at(auth, "spec", "secretTargetRef")).forEach(r -> parameters.put((String) map(r).get("parameter"),
                map(r).get("name") + "/" + map(r).get("key")));
        assertEquals(Map.of("username", "genesis-redis/username", "password", "genesis-redis/password"), parameters);
    }

    @Test
    void kedaAgentListIsTheApplicationsAgents() throws IOException {
        Map<String, Object> values = KubeSchemas.yaml().load(Files.readString(RenderedChart.CHART.resolve("values.yaml")));
        Map<String, String> inChart = new LinkedHashMap<>();
        list(at(values, "keda", "agents")).forEach(a -> inChart.put((String) map(a).get("agent"), (String) map(a).get("topic")));
        assertEquals(agentTopics(), inChart);
    }

    @Test
    void minimalIsOnePodDoingEverything() {
        RenderedChart chart = RenderedChart.render("minimal-values.yaml");
        List<Map<String, Object>> deployments = chart.ofKind("Deployment");
        assertEquals(1, deployments.size());
        Map<String, Object> all = deployments.get(0);
        assertEquals(FULLNAME + "-all", name(all));
        assertEquals(1, at(all, "spec", "replicas"));
        assertEquals("all", env(containers(podSpec(all)).get(0), "GENESIS_ROLE"));
        assertEquals("all", at(chart.one("Service", FULLNAME), "spec", "selector", "app.kubernetes.io/component"));
        assertTrue(chart.ofKind("PodDisruptionBudget").isEmpty());
        assertTrue(chart.ofKind("HorizontalPodAutoscaler").isEmpty());
        assertTrue(chart.ofKind("Ingress").isEmpty() && chart.ofKind("Route").isEmpty());
    }

    @Test
    void plainKubernetesGetsATlsIngressAndAnImageByDigest() {
        RenderedChart chart = RenderedChart.render("kubernetes-values.yaml");
        Map<String, Object> ingress = chart.one("Ingress", FULLNAME);
        assertEquals("nginx", at(ingress, "spec", "ingressClassName"));
        assertEquals("genesis-tls", map(list(at(ingress, "spec", "tls")).get(0)).get("secretName"));
        assertTrue(chart.ofKind("Route").isEmpty());
        Map<String, Object> api = containers(podSpec(chart.one("Deployment", FULLNAME + "-api"))).get(0);
        assertTrue(api.get("image").toString().endsWith("@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
        assertEquals("genesis-jwt/public-key.pem", secretEnv(api).get("MP_JWT_VERIFY_PUBLICKEY"));
        String policy = String.valueOf(chart.one("NetworkPolicy", FULLNAME).get("spec"));
        assertTrue(policy.contains("kubernetes.io/metadata.name=ingress-nginx"), policy);
    }

    @Test
    void theHelmTestPodCallsReadinessThroughTheService() {
        RenderedChart chart = RenderedChart.render("default-values.yaml");
        Map<String, Object> test = chart.one("Pod", FULLNAME + "-test-ready");
        assertEquals("test", map(at(test, "metadata", "annotations")).get(RenderedChart.HOOK_SEEN_AS), "a helm test hook");
        String command = String.valueOf(containers(podSpec(test)).get(0).get("command"));
        assertTrue(command.contains("http://" + FULLNAME + ":9080/health/ready"), command);
    }

    @Test
    void valuesOutsideTheSchemaAreRefused() {
        assertEquals(3, at(RenderedChart.render("default-values.yaml", c -> c.set("worker.replicas", 3))
                .one("Deployment", FULLNAME + "-worker"), "spec", "replicas"), "a value inside the schema renders");
        for (String[] bad : new String[][] {{"bogus", "1"}, {"image.tag", "latest"}, {"topology", "both"},
                {"openshift", "maybe"}, {"keda.metric", "lag"}, {"api.replicas", "two"},
                {"config.genesis\\.webhooks\\.secret", "x"}, {"config.genesis\\.sites\\.s3\\.access-key", "x"},
                {"database.url", "postgres://db/genesis"}}) {
            assertThrows(IllegalStateException.class, () -> RenderedChart.render("default-values.yaml", c -> c.set(bad[0], bad[1])),
                    bad[0] + "=" + bad[1]);
        }
        assertThrows(IllegalStateException.class, () -> RenderedChart.render("default-values.yaml",
                c -> c.set("terminationGracePeriodSeconds", 25)), "grace shorter than preStop + drain");
    }

    @Test
    void theSchemaValidatorItselfRefusesUnknownFieldsWrongTypesAndUnknownKinds() {
        RenderedChart chart = RenderedChart.render("default-values.yaml");
        Map<String, Object> policy = deepCopy(chart.one("NetworkPolicy", FULLNAME));
        map(policy.get("spec")).put("podSelektor", Map.of());
        assertTrue(schemas.validate(policy).stream().anyMatch(e -> e.contains("podSelektor: unknown field")), "networking.k8s.io is validated");
        Map<String, Object> deployment = deepCopy(chart.one("Deployment", FULLNAME + "-worker"));
        map(deployment.get("spec")).put("replicas", "two");
        assertFalse(schemas.validate(deployment).isEmpty(), "wrong type");
        Map<String, Object> unknown = deepCopy(deployment);
        unknown.put("apiVersion", "extensions/v1beta1");
        assertFalse(schemas.validate(unknown).isEmpty(), "old API versions are not allowed");
        Map<String, Object> scaled = new LinkedHashMap<>(Map.of("apiVersion", "keda.sh/v1alpha1", "kind", "ScaledObject",
                "metadata", Map.of("name", "x"), "spec", Map.of("scaleTargetRef", Map.of("name", "x"), "triggers", List.of(), "maxReplicas", 3)));
        assertTrue(schemas.validate(scaled).stream().anyMatch(e -> e.contains("maxReplicas: unknown field")), String.valueOf(schemas.validate(scaled)));
    }

    @Test
    void appVersionIsTheProjectVersion() throws IOException {
        Map<String, Object> chart = KubeSchemas.yaml().load(Files.readString(RenderedChart.CHART.resolve("Chart.yaml")));
        Properties project = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/project.properties")) {
            project.load(in);
        }
        assertEquals(project.getProperty("version"), chart.get("appVersion"));
    }

    @Test
    void everyValueIsCommented() throws IOException {
        List<String> uncommented = ValuesComments.uncommentedKeys(Files.readAllLines(RenderedChart.CHART.resolve("values.yaml")));
        assertTrue(uncommented.isEmpty(), "keys without a comment (on them or on an enclosing key): " + uncommented);
    }

    private static Map<String, String> secretEnv(Map<String, Object> container) {
        Map<String, String> refs = new LinkedHashMap<>();
        for (Object item : list(container.get("env"))) {
            Map<String, Object> env = map(item);
            Object ref = at(env, "valueFrom", "secretKeyRef");
            if (ref != null) {
                refs.put((String) env.get("name"), map(ref).get("name") + "/" + map(ref).get("key"));
            }
        }
        return refs;
    }

    /** Agents and their topics as the application configures them (microprofile-config.properties). */
    private static Map<String, String> agentTopics() throws IOException {
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
            config.load(in);
        }
        Map<String, String> topics = new LinkedHashMap<>();
        for (String agent : config.getProperty("genesis.agents").split(",")) {
            topics.put(agent, config.getProperty("genesis.agents." + agent + ".topic"));
        }
        return topics;
    }

    private static Map<String, Object> deepCopy(Map<String, Object> object) {
        return map(KubeSchemas.yaml().load(KubeSchemas.yaml().dump(object)));
    }
}
