package com.example.gateway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.support.ProductionSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The manifests in k8s/ start the service the way the code expects to be started. */
class KubernetesManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theDeploymentProbesHealthOnTheManagementPortAndSuppliesEveryRequiredSetting() throws Exception {
        Deployment deployment = YAML.readValue(new File("k8s/deployment.yaml"), Deployment.class);
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals(9000, container.getReadinessProbe().getHttpGet().getPort().getIntVal());
        Set<Integer> ports = container.getPorts().stream().map(p -> p.getContainerPort()).collect(Collectors.toSet());
        assertEquals(Set.of(8080, 9000), ports);
        assertNotNull(container.getResources().getLimits().get("memory"));
        assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem());

        Map<String, String> environment = container.getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, e -> "set"));
        assertEquals(List.of(), ProductionSettings.missing(environment, new Properties()),
                "the deployment sets every variable production refuses to start without");
    }

    @Test
    void theServiceAndConfigMapMatchTheDeployment() throws Exception {
        Service service = YAML.readValue(new File("k8s/service.yaml"), Service.class);
        assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> "http".equals(p.getTargetPort().getStrVal())
                || Integer.valueOf(8080).equals(p.getTargetPort().getIntVal())));
        ConfigMap config = YAML.readValue(new File("k8s/configmap.yaml"), ConfigMap.class);
        assertEquals("/v1/doku/notifications", config.getData().get("DOKU_NOTIFICATION_TARGET"));
        assertTrue(config.getData().get("QUARKUS_DATASOURCE_JDBC_URL").startsWith("jdbc:postgresql://"));
    }
}
