package com.example.gateway.deploy;

import com.example.gateway.support.RepositoryRoot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/** One overlay of k8s/ as {@code kubectl kustomize} renders it, its objects typed on demand. */
final class RenderedOverlay {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final List<JsonNode> objects;

    private RenderedOverlay(String name, List<JsonNode> objects) {
        this.name = name;
        this.objects = objects;
    }

    static RenderedOverlay of(String overlay) {
        String yaml = kustomize(RepositoryRoot.resolve("k8s/overlays/" + overlay).toString());
        try {
            List<JsonNode> objects = new ArrayList<>();
            new YAMLMapper(new YAMLFactory()).readerFor(JsonNode.class).readValues(yaml)
                    .forEachRemaining(node -> objects.add((JsonNode) node));
            return new RenderedOverlay(overlay, objects);
        } catch (IOException e) {
            throw new UncheckedIOException("the rendered " + overlay + " overlay is not YAML", e);
        }
    }

    String name() {
        return name;
    }

    List<String> kinds() {
        return objects.stream().map(o -> o.path("kind").asText()).toList();
    }

    /** The one object of this kind, as its fabric8 type. */
    <T> T one(String kind, Class<T> type) {
        List<JsonNode> found = objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
        if (found.size() != 1) {
            throw new AssertionError(name + ": expected one " + kind + ", found " + found.size());
        }
        return JSON.convertValue(found.get(0), type);
    }

    /** The object of this kind and name, as its fabric8 type. */
    <T> T named(String kind, String name, Class<T> type) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())
                        && name.equals(o.path("metadata").path("name").asText()))
                .findFirst().map(o -> JSON.convertValue(o, type))
                .orElseThrow(() -> new AssertionError(this.name + ": no " + kind + " " + name));
    }

    /** The one object of this kind, untyped (for custom resources such as ServiceMonitor). */
    JsonNode one(String kind) {
        return one(kind, JsonNode.class);
    }

    private static String kustomize(String directory) {
        ProcessBuilder builder = new ProcessBuilder("kubectl", "kustomize", directory).redirectErrorStream(true);
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + directory + " failed:\n"
                        + new String(output, StandardCharsets.UTF_8));
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String message = "kubectl (1.32, with kustomize 5.5) is needed to render k8s/overlays and was not found "
                    + "on the PATH: install it (https://kubernetes.io/docs/tasks/tools/) and run again";
            // A newcomer's `./mvnw verify` needs only a JDK; CI (.ci/run sets CI) must check the manifests.
            if (System.getenv("CI") == null) {
                throw new TestAbortedException(message);
            }
            throw new AssertionError(message, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
