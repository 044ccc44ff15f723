package com.example.gateway.it;

import com.example.gateway.support.GatewayApi;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The packaged production jar ({@code quarkus-run.jar}, prod profile, no emulator) run as its own
 * process and configured only by the environment variables of API.md. It talks to the DOKU emulator
 * process the tests started and shares the in-test application's embedded PostgreSQL; its output
 * is kept in {@code target/} for diagnosis.
 */
final class PackagedGateway implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("it.packaged-jar", "target/quarkus-app/quarkus-run.jar"));
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Short timings so that leases and reconciliation play out within a test. */
    static final Map<String, String> SHORT_TIMINGS = Map.of(
            "GATEWAY_IDEMPOTENCY_LEASE", "PT3S",
            "GATEWAY_RECONCILIATION_EVERY", "1s",
            "GATEWAY_RECONCILIATION_DELAYED", "1s",
            "GATEWAY_RECONCILIATION_AFTER_WRITE_AHEAD", "PT2S",
            "GATEWAY_RECONCILIATION_IN_FLIGHT_GRACE", "PT2S");

    /** Webhooks to receivers on loopback ports over plain http, which production refuses unless opened. */
    static final Map<String, String> LOOPBACK_WEBHOOKS = Map.of(
            "GATEWAY_WEBHOOK_ALLOWED_HOSTS", "localhost",
            "GATEWAY_WEBHOOK_ALLOWED_NETWORKS", "127.0.0.0/8",
            "GATEWAY_WEBHOOK_ALLOWED_PORTS", "1024-65535",
            "GATEWAY_WEBHOOK_REQUIRE_HTTPS", "false",
            "GATEWAY_WEBHOOK_DISPATCH_EVERY", "1s",
            "GATEWAY_WEBHOOK_REQUEST_TIMEOUT", "PT2S",
            "GATEWAY_WEBHOOK_RETRY_SCHEDULE", "PT0S,PT1S,PT1S,PT2S,PT2S,PT3S,PT3S,PT5S,PT5S,PT5S");

    private final String name;
    private final Process process;
    private final int apiPort;
    private final int managementPort;
    private final Path log;

    private PackagedGateway(String name, Process process, int apiPort, int managementPort, Path log) {
        this.name = name;
        this.process = process;
        this.apiPort = apiPort;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** Starts the jar and answers once it is ready ({@code /q/health/ready} on its management port). */
    static PackagedGateway start(String name) {
        return start(name, Map.of());
    }

    /** The same, with more environment variables (they win over {@link #SHORT_TIMINGS}). */
    static PackagedGateway start(String name, Map<String, String> moreEnvironment) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: these tests run after the package phase");
        }
        int apiPort = freePort();
        int managementPort = freePort();
        Path log = Path.of("target", "packaged-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("QUARKUS_PROFILE");
        builder.environment().putAll(environment(apiPort, managementPort));
        builder.environment().putAll(moreEnvironment);
        try {
            Process process = builder.start();
            // Should this JVM be stopped before the tests close it (a Maven timeout), take it along.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-kill"));
            PackagedGateway gateway = new PackagedGateway(name, process, apiPort, managementPort, log);
            gateway.awaitReady();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + JAR, e);
        }
    }

    /** What the packaged jar printed when it refused to start with these settings, or a failure if it started. */
    static String refusal(Map<String, String> moreEnvironment) {
        Path log = Path.of("target", "packaged-refused.log");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("QUARKUS_PROFILE");
        builder.environment().putAll(environment(freePort(), freePort()));
        builder.environment().putAll(moreEnvironment);
        try {
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the packaged jar started instead of refusing; see " + log.toAbsolutePath());
            }
            if (process.exitValue() != 1) {
                throw new AssertionError("the packaged jar exited with " + process.exitValue() + "; see " + log);
            }
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + JAR, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The JVM image's AOT training run (Dockerfile.jvm): the jar with {@code -Dquarkus.appcds.generate=true}
     * and none of the service's settings, which Quarkus runs up to the end of its static initialisation
     * and stops. Answers its exit value and output.
     */
    static ExitedRun staticInitialisationOnly() {
        Path log = Path.of("target", "packaged-static-init.log");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Dquarkus.appcds.generate=true", "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("QUARKUS_PROFILE");
        try {
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the static-initialisation run did not stop by itself; see " + log.toAbsolutePath());
            }
            return new ExitedRun(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + JAR, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record ExitedRun(int exitValue, String output) {
    }

    private static Map<String, String> environment(int apiPort, int managementPort) {
        Config config = ConfigProvider.getConfig();
        Map<String, String> env = new HashMap<>(SHORT_TIMINGS);
        env.put("DOKU_BASE_URL", config.getValue("doku.base-url", String.class));
        env.put("DOKU_CLIENT_ID", config.getValue("doku.client-id", String.class));
        env.put("DOKU_SECRET_KEY", config.getValue("doku.secret-key", String.class));
        env.put("GATEWAY_PUBLIC_URL", "http://localhost:" + apiPort);
        env.put("GATEWAY_MASTER_KEY", config.getValue("gateway.keys.master", String.class));
        env.put("GATEWAY_API_KEYS", "orders:" + GatewayApi.ORDERS + ",subscriptions:" + GatewayApi.SUBSCRIPTIONS);
        for (String setting : List.of("reactive.url", "jdbc.url", "username", "password")) {
            env.put("QUARKUS_DATASOURCE_" + setting.replace('.', '_').toUpperCase(),
                    config.getValue("quarkus.datasource." + setting, String.class));
        }
        env.put("QUARKUS_HTTP_PORT", Integer.toString(apiPort));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        return env;
    }

    /** The internal API of this process, as a client calls it. */
    RequestSpecification as(String apiKey) {
        return GatewayApi.as(apiKey).port(apiPort);
    }

    /** The API port, for requests no HTTP client sends ({@link com.example.gateway.support.RawHttp}). */
    int apiPort() {
        return apiPort;
    }

    /** The management port: health and /q/metrics. */
    int managementPort() {
        return managementPort;
    }

    /** SIGKILL: no shutdown hook, no graceful drain, requests cut mid-flight. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * SIGTERM, as Kubernetes sends it once the pre-stop hook is done ({@link Process#destroy()}), and
     * waits for the process to end; answers how long the graceful shutdown took.
     */
    Duration stop(Duration atMost) {
        Instant start = Instant.now();
        process.destroy();
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still running " + atMost + " after SIGTERM; see " + log.toAbsolutePath());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Duration.between(start, Instant.now());
    }

    Duration awaitReady() {
        Instant start = Instant.now();
        Instant deadline = start.plus(READY_TIMEOUT);
        while (readiness() != 200) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(name + " not ready within " + READY_TIMEOUT + "; see " + log.toAbsolutePath());
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        return Duration.between(start, Instant.now());
    }

    /** The status of {@code /q/health/ready}, 0 while nothing listens. */
    int readiness() {
        return readiness(Duration.ofSeconds(2));
    }

    /** The same, 0 too when no answer comes within {@code timeout}. */
    int readiness(Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/q/health/ready"))
                .timeout(timeout).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Everything the process has printed so far. */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
