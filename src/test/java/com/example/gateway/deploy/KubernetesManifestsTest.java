package com.example.gateway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.support.ProductionSettings;
import com.example.gateway.support.RepositoryRoot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every overlay of k8s/, rendered by kustomize, is a consistent whole that starts the service the way
 * the code expects: selectors match the pods, named ports exist, every variable set is one the service
 * reads, every secret key referenced is in the template.
 */
class KubernetesManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final int API_PORT = 8080;
    private static final int MANAGEMENT_PORT = 9000;
    private static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    /** After the drains: the rest of Quarkus's stop, the database pool, the JVM. */
    private static final Duration STOPPING = Duration.ofSeconds(5);

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production", "jvm"})
    void selectorsAndPortsMatchThePods(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Deployment deployment = rendered.one("Deployment", Deployment.class);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, Integer> containerPorts = container.getPorts().stream()
                .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
        assertEquals(Map.of("http", API_PORT, "management", MANAGEMENT_PORT), containerPorts);

        assertMatches(deployment.getSpec().getSelector().getMatchLabels(), podLabels, "the Deployment's own selector");
        Service service = rendered.one("Service", Service.class);
        assertMatches(service.getSpec().getSelector(), podLabels, "the Service");
        for (ServicePort port : service.getSpec().getPorts()) {
            assertTrue(containerPorts.containsKey(port.getTargetPort().getStrVal()), "Service port " + port.getName());
        }
        assertMatches(rendered.one("PodDisruptionBudget", PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels(),
                podLabels, "the PodDisruptionBudget");
        assertMatches(rendered.one("NetworkPolicy", NetworkPolicy.class).getSpec().getPodSelector().getMatchLabels(),
                podLabels, "the NetworkPolicy");
        HorizontalPodAutoscaler hpa = rendered.one("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
        assertEquals(deployment.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
        assertNull(deployment.getSpec().getReplicas(), "the autoscaler owns the replica count");

        JsonNode monitor = rendered.one("ServiceMonitor");
        assertMatches(YAML.convertValue(monitor.path("spec").path("selector").path("matchLabels"), Map.class),
                service.getMetadata().getLabels(), "the ServiceMonitor");
        Set<String> servicePorts = service.getSpec().getPorts().stream().map(ServicePort::getName).collect(Collectors.toSet());
        monitor.path("spec").path("endpoints").forEach(e -> assertTrue(servicePorts.contains(e.path("port").asText()),
                "ServiceMonitor port " + e.path("port").asText()));

        for (var probe : List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
            assertEquals(MANAGEMENT_PORT, probe.getHttpGet().getPort().getIntVal(), "probes ask the management port");
        }
        assertNotNull(container.getLifecycle().getPreStop(), "a pre-stop delay, so endpoints drop the pod before it stops");
        assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem());
        assertTrue(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot());
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production", "jvm"})
    void theIngressExposesOnlyThePublicPathsAndTheMetricsStayInsideMonitoring(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Ingress ingress = rendered.one("Ingress", Ingress.class);
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream()).toList();
        assertEquals(List.of("/v1/doku/notifications Exact", "/v1/three-d-secure-returns/ Prefix"),
                paths.stream().map(p -> p.getPath() + " " + p.getPathType()).toList(),
                "only DOKU's notifications and the browser's return from 3-D Secure are public");
        assertFalse(ingress.getSpec().getTls().isEmpty(), "TLS");
        assertEquals(ingress.getSpec().getRules().get(0).getHost(), ingress.getSpec().getTls().get(0).getHosts().get(0));

        for (NetworkPolicyIngressRule rule : rendered.one("NetworkPolicy", NetworkPolicy.class).getSpec().getIngress()) {
            boolean management = rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == MANAGEMENT_PORT);
            if (management) {
                assertEquals(List.of("monitoring"), rule.getFrom().stream()
                        .map(peer -> peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
                        .toList(), "only the monitoring namespace reads the management port");
            }
        }
        assertFalse(rendered.kinds().contains("Secret"), "the Secret is created out of band, never applied from here");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production", "jvm"})
    void everyVariableIsOneTheServiceReadsAndEveryKeyExists(String overlay) throws IOException {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Container container = rendered.one("Deployment", Deployment.class).getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        Set<String> read = variablesTheServiceReads();
        ConfigMap config = rendered.named("ConfigMap", "doku-card-gateway-config", ConfigMap.class);
        Set<String> secretKeys = secretTemplate().getStringData().keySet();
        for (EnvVar variable : container.getEnv()) {
            assertTrue(read.contains(variable.getName()), variable.getName() + " is read by nothing");
            if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                assertEquals("doku-card-gateway-config", variable.getValueFrom().getConfigMapKeyRef().getName());
                assertTrue(config.getData().containsKey(variable.getValueFrom().getConfigMapKeyRef().getKey()),
                        variable.getName() + ": no such key in the ConfigMap");
            }
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                assertTrue(secretKeys.contains(variable.getValueFrom().getSecretKeyRef().getKey()),
                        variable.getName() + ": no such key in k8s/secret.template.yaml");
            }
        }
        Map<String, String> environment = container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> "set"));
        assertEquals(List.of(), ProductionSettings.missing(environment, new Properties()),
                "the deployment sets every variable production refuses to start without");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production", "jvm"})
    void theGracePeriodCoversTheWholeGracefulShutdown(String overlay) throws IOException {
        PodSpec pod = RenderedOverlay.of(overlay).one("Deployment", Deployment.class).getSpec().getTemplate().getSpec();
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            settings.load(in);
        }
        // The order of a pod's end (README "Reliability"): each step may take this long at most.
        Duration preStop = Duration.ofSeconds(pod.getContainers().get(0).getLifecycle().getPreStop().getSleep().getSeconds());
        Duration shutdown = preStop.plus(productionDuration(settings, "quarkus.shutdown.delay"))
                .plus(productionDuration(settings, "quarkus.shutdown.timeout"))
                .plus(productionDuration(settings, "gateway.webhooks.request-timeout"))
                .plus(STOPPING);
        assertTrue(shutdown.toSeconds() <= pod.getTerminationGracePeriodSeconds(), "a graceful shutdown takes up to "
                + shutdown.toSeconds() + " s, the grace period is " + pod.getTerminationGracePeriodSeconds() + " s");
    }

    /** A duration setting as production has it: the default of its ${VARIABLE:default}, or the value. */
    private static Duration productionDuration(Properties settings, String key) {
        String value = settings.getProperty(key).replaceAll("^\\$\\{[A-Z0-9_]+:(.*)}$", "$1");
        return Duration.parse(value.startsWith("P") ? value : "PT" + value.toUpperCase());
    }

    private static void assertMatches(Map<?, ?> selector, Map<String, String> labels, String what) {
        assertNotNull(selector, what + " has a selector");
        assertFalse(selector.isEmpty(), what + " selects something");
        selector.forEach((k, v) -> assertEquals(v, labels.get(Objects.toString(k)), what + " selects on " + k));
    }

    /** The variables application.properties maps, and those production checks before it starts. */
    private static Set<String> variablesTheServiceReads() throws IOException {
        Set<String> names = new HashSet<>(ProductionSettings.missing(Map.of(), new Properties()));
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(
                Files.readString(APPLICATION_PROPERTIES));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Secret secretTemplate() throws IOException {
        return YAML.readValue(RepositoryRoot.resolve("k8s/secret.template.yaml").toFile(), Secret.class);
    }
}
