package com.example.gateway.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts the DOKU emulator (the separately built {@code emulator/} application) as a child process,
 * once per JVM, and stops it when the JVM exits. Development and tests only: the emulator's jar is
 * built by the gateway's build, never packaged with it.
 */
final class DokuEmulatorProcess {

    private static final Logger LOG = Logger.getLogger(DokuEmulatorProcess.class);

    /** Where the gateway's build leaves the emulator, relative to the repository root. */
    static final Path JAR = Path.of("emulator", "target", "quarkus-app", "quarkus-run.jar");

    /**
     * A system property rather than a static field: dev mode reloads the application in a new class
     * loader, and the emulator started by the previous one must be found again, not started twice.
     */
    private static final String URL_PROPERTY = "devservices.doku-emulator.url";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private DokuEmulatorProcess() {
    }

    /**
     * The emulator's base URL, starting it first if this JVM has not yet.
     *
     * @param port     its port, 0 for any free one
     * @param settings its {@code emulator.*} settings (client id, secret, notification URL, ...)
     * @param logFile  where its output goes
     */
    static synchronized String startOnce(int port, Map<String, String> settings, Path logFile) {
        String running = System.getProperty(URL_PROPERTY);
        if (running != null) {
            return running;
        }
        int chosenPort = port == 0 ? freePort() : port;
        String url = "http://localhost:" + chosenPort;
        Path jar = locateJar();
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx128m", "-Dquarkus.http.port=" + chosenPort,
                "-Demulator.public-url=" + url));
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "doku-emulator-stop"));
            awaitReady(process, url, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the DOKU emulator " + jar, e);
        }
        System.setProperty(URL_PROPERTY, url);
        LOG.infof("DOKU emulator started on %s (no DOKU_BASE_URL configured); its log: %s", url, logFile);
        return url;
    }

    /** The jar below the working directory or one of its parents (dev mode runs from target/). */
    private static Path locateJar() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(JAR))) {
                return dir.resolve(JAR);
            }
        }
        throw new IllegalStateException("The DOKU emulator is not built: " + JAR + " is missing. "
                + "Build it with ./mvnw -f emulator/pom.xml package, or set DOKU_BASE_URL.");
    }

    private static void awaitReady(Process process, String url, Path logFile) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!isUp(url)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("The DOKU emulator did not start on " + url + "; see " + logFile);
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the DOKU emulator started", e);
            }
        }
    }

    private static boolean isUp(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url + "/control/chaos").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
