package com.example.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * A real Prometheus (Debian's {@code prometheus} package) on loopback, scraping one gateway's management
 * port every second under the job name the alerts expect, with the alert rules loaded.
 */
final class RealPrometheus implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;

    private RealPrometheus(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Skips the test where Prometheus is absent, unless CI is set (.ci/run installs it), where it fails. */
    static Path binary() {
        Path binary = Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, "prometheus"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (binary == null) {
            String message = "prometheus is needed to evaluate the dashboard's and the alerts' queries "
                    + "(Debian: apt-get install prometheus)";
            if (System.getenv("CI") == null) {
                throw new TestAbortedException(message);
            }
            throw new AssertionError(message);
        }
        return binary;
    }

    static RealPrometheus scraping(int managementPort, Path rulesFile) {
        Path binary = binary();
        try {
            Path work = Files.createTempDirectory(Path.of("target"), "prometheus-");
            int port = PackagedGateway.freePort();
            Path config = work.resolve("prometheus.yml");
            Files.writeString(config, """
                    global:
                      scrape_interval: 1s
                      evaluation_interval: 1s
                    rule_files:
                      - %s
                    scrape_configs:
                      - job_name: doku-card-gateway
                        metrics_path: /q/metrics
                        static_configs:
                          - targets: ['127.0.0.1:%d']
                    """.formatted(rulesFile.toAbsolutePath(), managementPort));
            Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "prometheus-kill"));
            RealPrometheus prometheus = new RealPrometheus(process, port);
            prometheus.awaitReady(work);
            return prometheus;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query API's answer for an instant query: its {@code data} node (resultType and result). */
    JsonNode query(String promql) {
        JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        if (!"success".equals(answer.path("status").asText())) {
            throw new AssertionError("Prometheus refused " + promql + ": " + answer);
        }
        return answer.path("data");
    }

    /** The rule groups Prometheus loaded, as {@code /api/v1/rules} lists them. */
    JsonNode rules() {
        return get("/api/v1/rules").path("data").path("groups");
    }

    private JsonNode get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Path work) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("prometheus exited; see " + work.resolve("prometheus.log"));
            }
            try {
                HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
                        .timeout(Duration.ofSeconds(2)).build();
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new AssertionError("prometheus not ready within 60 s; see " + work.resolve("prometheus.log"));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
