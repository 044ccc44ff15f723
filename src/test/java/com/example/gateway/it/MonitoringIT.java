package com.example.gateway.it;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.SUBSCRIPTIONS;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.doku.DokuSigner;
import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.support.Notifications;
import com.example.gateway.support.RepositoryRoot;
import com.example.gateway.support.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and the alerts, proven against a real Prometheus: it scrapes the packaged gateway
 * while the flows run, loads the PrometheusRule's rules, and every query of the dashboard and every
 * alert expression (its comparisons made {@code bool}, so that a quiet alert still answers) must return
 * series through the query API. A metric renamed in the code, or a typo in a query, fails here.
 */
@QuarkusTest
class MonitoringIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The emulator's approved test card. */
    private static final String APPROVE = "4111111111111111";

    @Inject
    EmulatorClient emulator;

    @Test
    void everyDashboardQueryAndAlertExpressionReturnsSeries() throws IOException {
        RealPrometheus.binary();
        Path rules = rulesFile();
        try (WebhookReceiver receivers = new WebhookReceiver();
                PackagedGateway gateway = PackagedGateway.start("monitoring", Map.of(
                        "GATEWAY_RATE_LIMITS", "subscriptions:1/1h",
                        "GATEWAY_WEBHOOK_ALLOWED_HOSTS", "localhost",
                        "GATEWAY_WEBHOOK_ALLOWED_NETWORKS", "127.0.0.0/8",
                        "GATEWAY_WEBHOOK_ALLOWED_PORTS", "1024-65535",
                        "GATEWAY_WEBHOOK_REQUIRE_HTTPS", "false",
                        "GATEWAY_WEBHOOK_DISPATCH_EVERY", "1s",
                        "GATEWAY_WEBHOOK_RETRY_SCHEDULE", "PT0S"));
                RealPrometheus prometheus = RealPrometheus.scraping(gateway.managementPort(), rules)) {
            driveTheFlows(gateway, receivers);

            Map<String, String> queries = queries();
            List<String> empty = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                empty.clear();
                queries.forEach((name, promql) -> {
                    if (prometheus.query(promql).path("result").isEmpty()) {
                        empty.add(name + ": " + promql);
                    }
                });
                return empty.isEmpty();
            });
            assertEquals(List.of(), empty, "queries without series");
            TreeSet<String> loaded = new TreeSet<>();
            prometheus.rules().forEach(group -> group.path("rules").forEach(r -> loaded.add(r.path("name").asText())));
            assertEquals(new TreeSet<>(alerts().keySet()), loaded, "every alert loads in Prometheus");
            System.out.printf("[monitoring] %d dashboard queries and %d alert expressions return series%n",
                    queries.size() - alerts().size(), alerts().size());
        }
    }

    /** Something for every panel and alert to show: successes, a 5xx, refusals, notifications, a failed webhook. */
    private void driveTheFlows(PackagedGateway gateway, WebhookReceiver receivers) {
        WebhookReceiver.Inbox failing = receivers.inbox().otherwise(WebhookReceiver.Answer.of(500));
        gateway.as(ORDERS).body("{\"url\": \"" + failing.url() + "\"}").post("/v1/webhook-endpoints").then().statusCode(201);

        String pageInvoice = newInvoice();
        gateway.as(ORDERS).body(paymentPage(pageInvoice, 25_000)).post("/v1/payments").then().statusCode(201);
        String charged = gateway.as(ORDERS).body(charge(newInvoice(), 40_000, "MOTO", APPROVE)).post("/v1/payments").then().statusCode(201)
                .extract().path("id");
        // Not settled yet: the refund is a void of the whole amount.
        gateway.as(ORDERS).body("{\"amount\": 40000}").post("/v1/payments/" + charged + "/refunds").then().statusCode(201);
        gateway.as(ORDERS).get("/v1/payments/" + charged).then().statusCode(200);

        // DOKU fails every attempt of one charge: a 5xx to the caller and failed DOKU attempts.
        emulator.scriptFaults(EmulatorOperation.CHARGE, EmulatorFault.HTTP_500, EmulatorFault.HTTP_500,
                EmulatorFault.HTTP_500, EmulatorFault.HTTP_500);
        int status = gateway.as(ORDERS).body(charge(newInvoice(), 30_000, "MOTO", APPROVE)).post("/v1/payments").then().extract().statusCode();
        assertEquals(5, status / 100, "a charge DOKU never answered is a 5xx");

        // Notifications: one unsigned, one signed with another amount than its payment's.
        given().port(gateway.apiPort()).contentType("application/json").body("{}")
                .post(Notifications.TARGET).then().statusCode(401);
        byte[] mismatched = Notifications.body(pageInvoice, 99_999, "SALE", "SUCCESS").getBytes(StandardCharsets.UTF_8);
        String requestId = UUID.randomUUID().toString();
        String timestamp = DokuSigner.timestamp(Instant.now());
        given().port(gateway.apiPort()).header("Client-Id", Notifications.DOKU.clientId()).header("Request-Id", requestId)
                .header("Request-Timestamp", timestamp)
                .header("Signature", Notifications.DOKU.sign(requestId, timestamp, Notifications.TARGET, mismatched))
                .contentType("application/json").body(mismatched).post(Notifications.TARGET)
                .then().statusCode(200).body("result", equalTo("amount_mismatch"));
        // subscriptions may make one call an hour here: the second is refused.
        gateway.as(SUBSCRIPTIONS).get("/v1/payments").then().statusCode(200);
        gateway.as(SUBSCRIPTIONS).get("/v1/payments").then().statusCode(429);
    }

    /** Every dashboard target's query, then every alert's expression with its comparisons made bool. */
    private static Map<String, String> queries() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        JsonNode dashboard = JSON.readTree(RepositoryRoot.resolve("k8s/base/dashboards/doku-card-gateway.json").toFile());
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.put("panel '" + panel.path("title").asText() + "' " + target.path("refId").asText(),
                        target.path("expr").asText().replace("${datasource}", ""));
            }
        }
        alerts().forEach((name, expr) -> queries.put("alert " + name, PromQl.withBoolComparisons(expr)));
        return queries;
    }

    private static Map<String, String> alerts() throws IOException {
        Map<String, String> alerts = new LinkedHashMap<>();
        for (JsonNode group : prometheusRule().path("spec").path("groups")) {
            group.path("rules").forEach(rule -> alerts.put(rule.path("alert").asText(), rule.path("expr").asText()));
        }
        return alerts;
    }

    /** The PrometheusRule's groups as a plain rules file, for Prometheus' rule_files. */
    private static Path rulesFile() throws IOException {
        Path file = Path.of("target", "monitoring-it-alerts.rules.yml");
        Files.createDirectories(file.getParent());
        YAML.writeValue(file.toFile(), prometheusRule().path("spec"));
        return file;
    }

    private static JsonNode prometheusRule() throws IOException {
        return YAML.readTree(RepositoryRoot.resolve("k8s/base/prometheusrule.yaml").toFile());
    }
}
