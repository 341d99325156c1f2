package kz.adal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What can be checked of deploy/ without pulling an image (issue 16): the compose file and the Kubernetes manifests
 * parse; every environment name they set is one the application reads; the probes are the application's health
 * paths on its HTTP port; the ports are the configured ones; graceful termination outlasts the drains.
 */
class DeployManifestsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path K8S = Path.of("deploy/kubernetes");

    /** Quarkus's own settings the deployment sets by environment, not named in application.properties. */
    private static final Set<String> QUARKUS_KEYS = Set.of("quarkus.redis.hosts", "quarkus.http.proxy.proxy-address-forwarding",
            "quarkus.http.proxy.allow-x-forwarded");
    /** Read by the image's start script (run-java.sh), not by the application. */
    private static final Set<String> IMAGE_ENV = Set.of("JAVA_OPTS_APPEND", "JAVA_APP_JAR", "LANGUAGE");

    private static Properties properties() throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p;
    }

    /** Every environment name the application reads: ${NAME} references, and the env form of every config name. */
    private static Set<String> envTheAppReads() throws IOException {
        Set<String> names = new HashSet<>();
        String text = Files.readString(Path.of("src/main/resources/application.properties"));
        Matcher ref = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(text);
        while (ref.find()) names.add(ref.group(1));
        List<String> keys = new ArrayList<>(properties().stringPropertyNames());
        keys.addAll(QUARKUS_KEYS);
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            Pattern configProperty = Pattern.compile("@ConfigProperty\\(name = \"([a-z0-9.-]+)\"");
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = configProperty.matcher(Files.readString(f));
                while (m.find()) keys.add(m.group(1));
            }
        }
        for (String key : keys) names.add(key.replaceFirst("^%[a-z]+\\.", "").replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
        return names;
    }

    private static List<JsonNode> k8s() throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try (YAMLParser parser = new YAMLFactory().createParser(f.toFile())) {
                    docs.addAll(YAML.readValues(parser, JsonNode.class).readAll());
                }
            }
        }
        return docs;
    }

    private static JsonNode kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + K8S));
    }

    @Test
    void composeHasTheServicesAndSetsOnlyWhatTheAppReads() throws IOException {
        // SnakeYAML resolves the anchors and merge keys (<<) the compose file shares between the two nodes
        JsonNode compose = YAML.valueToTree(new org.yaml.snakeyaml.Yaml().load(Files.readString(Path.of("deploy/compose/compose.yaml"))));
        Set<String> services = new HashSet<>();
        compose.path("services").fieldNames().forEachRemaining(services::add);
        assertTrue(services.containsAll(Set.of("postgres", "redis", "minio", "coturn", "adal-a", "adal-b", "proxy")), services.toString());

        Set<String> known = envTheAppReads();
        for (String node : List.of("adal-a", "adal-b")) {
            JsonNode env = compose.path("services").path(node).path("environment");
            List<String> names = new ArrayList<>();
            env.fieldNames().forEachRemaining(names::add);
            assertTrue(names.containsAll(List.of("ADAL_DB_URL", "ADAL_LIVE_REDIS", "QUARKUS_REDIS_HOSTS", "ADAL_MEDIA_STORAGE",
                    "ADAL_MEDIA_S3_BUCKET", "ADAL_JWT_PRIVATE_KEY", "ADAL_LIVE_NODE")), node + ": " + names);
            for (String name : names) assertTrue(known.contains(name), node + " sets " + name + ", which the application does not read");
            assertEquals("s3", env.path("ADAL_MEDIA_STORAGE").asText(), "two nodes need shared storage");
            assertTrue(compose.path("services").path(node).path("healthcheck").path("test").toString().contains("/q/health/ready"));
        }
        assertTrue(Files.readString(Path.of("deploy/compose/Caddyfile")).contains("health_uri /q/health/ready"));
    }

    @Test
    void kubernetesProbesPortsEnvAndSecretsMatchTheApp() throws IOException {
        List<JsonNode> docs = k8s();
        Properties props = properties();
        Set<String> known = envTheAppReads();
        JsonNode pod = kind(docs, "Deployment").path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);

        Map<String, Integer> ports = new HashMap<>();
        container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        assertEquals(Integer.valueOf(defaultOf(props.getProperty("quarkus.http.port"))), ports.get("http"));
        assertEquals(Integer.valueOf(defaultOf(props.getProperty("quarkus.management.port"))), ports.get("management"));

        assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
        assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText());
        assertEquals("/q/health/started", container.path("startupProbe").path("httpGet").path("path").asText());
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertEquals("http", container.path(probe).path("httpGet").path("port").asText(), probe + " on the public port");
        }
        assertTrue(container.path("resources").path("requests").has("cpu") && container.path("resources").path("requests").has("memory"));
        assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean());

        // every name set is one the app reads, from the ConfigMap or the pod's own env
        JsonNode config = kind(docs, "ConfigMap").path("data");
        config.fieldNames().forEachRemaining(n -> assertTrue(known.contains(n), "ConfigMap sets " + n + ", which the app does not read"));
        JsonNode secret = YAML.readTree(K8S.resolve("secret.example.yaml").toFile()).path("stringData");
        for (JsonNode e : container.path("env")) {
            String name = e.path("name").asText();
            assertTrue(known.contains(name) || IMAGE_ENV.contains(name), "the pod sets " + name + ", which the app does not read");
            JsonNode ref = e.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) assertTrue(secret.has(ref.path("key").asText()), "the Secret example names " + ref.path("key"));
        }
        pod.path("volumes").forEach(v -> v.path("secret").path("items").forEach(i ->
                assertTrue(secret.has(i.path("key").asText()), "the Secret example names " + i.path("key"))));

        // graceful termination outlasts preStop + the HTTP drain + the event writer's drain
        long drains = pod.path("terminationGracePeriodSeconds").asLong();
        long needed = container.path("lifecycle").path("preStop").path("sleep").path("seconds").asLong()
                + Duration.parse(config.path("ADAL_SHUTDOWN_TIMEOUT").asText()).toSeconds()
                + Duration.parse(props.getProperty("adal.events.drain-timeout")).toSeconds();
        assertTrue(drains > needed, "terminationGracePeriodSeconds " + drains + " must exceed " + needed);
    }

    @Test
    void ingressKeepsSocketsOpenForAnExamAndTheClusterKeepsNodesUp() throws IOException {
        List<JsonNode> docs = k8s();
        JsonNode annotations = kind(docs, "Ingress").path("metadata").path("annotations");
        assertTrue(annotations.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asLong() >= 3 * 3600, "an exam lasts up to 3 hours");
        assertTrue(annotations.path("nginx.ingress.kubernetes.io/proxy-send-timeout").asLong() >= 3 * 3600);
        assertEquals(1, kind(docs, "PodDisruptionBudget").path("spec").path("maxUnavailable").asInt());
        JsonNode hpa = kind(docs, "HorizontalPodAutoscaler").path("spec");
        assertTrue(hpa.path("minReplicas").asInt() >= 2);
        assertEquals("adal", hpa.path("scaleTargetRef").path("name").asText());
        JsonNode kustomization = YAML.readTree(K8S.resolve("kustomization.yaml").toFile());
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                String name = f.getFileName().toString();
                if (name.equals("kustomization.yaml") || name.equals("secret.example.yaml")) continue;
                assertTrue(kustomization.path("resources").toString().contains(name), name + " is listed in kustomization.yaml");
            }
        }
    }

    @Test
    void theImageRunsAsAnUnprivilegedUserWithTheHealthProbe() throws IOException {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        assertTrue(dockerfile.contains("USER 185"));
        assertTrue(dockerfile.contains("/q/health/live"));
        assertTrue(dockerfile.contains("target/quarkus-app/lib/"));
    }

    @Test
    void theDashboardAndAlertsUseMetricsTheAppExports() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("deploy/monitoring/grafana-dashboard.json").toFile());
        assertTrue(dashboard.path("panels").size() >= 5);
        String all = dashboard.toString() + Files.readString(Path.of("deploy/monitoring/alerts.yaml"));
        YAML.readTree(Path.of("deploy/monitoring/alerts.yaml").toFile());
        for (String metric : List.of("adal_mail_failures_total", "adal_proctoring_event_queue", "adal_live_sockets",
                "adal_media_chunks_rejected_total", "adal_media_finalise_total", "adal_audit_verification_failures_total")) {
            assertTrue(all.contains(metric), metric + " is watched");
        }
    }

    private static String defaultOf(String value) {
        Matcher m = Pattern.compile("\\$\\{[A-Z_]+:([^}]*)}").matcher(value);
        return m.matches() ? m.group(1) : value;
    }
}
