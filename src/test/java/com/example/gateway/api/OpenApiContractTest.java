package com.example.gateway.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * /q/openapi states API.md's contract: its paths and statuses, snake_case bodies, the bearer scheme,
 * each header once, real request body schemas. That the wire matches it is checked on every test
 * exchange by support/OpenApiContract.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final String NOTIFICATIONS = "/v1/doku/notifications";
    /** Where the issuer sends the customer's browser after 3-D Secure: no API key either. */
    private static final String BROWSER_RETURN = "/v1/three-d-secure-returns/{id}";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static JsonNode doc;

    @BeforeEach
    void load() throws IOException {
        doc = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void everyOperationOfTheContractWithItsStatuses() {
        Map<String, String> statuses = Map.ofEntries(
                Map.entry("post /v1/payments", "201 400 401 404 409 413 415 422 429 500 502 503 504"),
                Map.entry("post /v1/three-d-secure", "201 400 401 404 409 413 415 422 429 500 502 503"),
                Map.entry("get /v1/three-d-secure/{id}", "200 401 404 429 500"),
                Map.entry("get " + BROWSER_RETURN, "303 404 500"),
                Map.entry("get /v1/payments", "200 400 401 429 500"),
                Map.entry("get /v1/payments/{id}", "200 401 404 429 500"),
                Map.entry("get /v1/payments/{id}/events", "200 401 404 429 500"),
                Map.entry("post /v1/payments/{id}/capture", "200 400 401 404 409 413 415 422 429 500 502 503 504"),
                Map.entry("post /v1/payments/{id}/refunds", "201 400 401 404 409 413 415 422 429 500 502 503 504"),
                Map.entry("post /v1/payments/{id}/sync", "200 400 401 404 409 413 415 422 429 500"),
                Map.entry("get /v1/authorizations", "200 400 401 429 500"),
                Map.entry("get /v1/customers/{customer_id}/tokens", "200 400 401 404 429 500 502 503 504"),
                Map.entry("delete /v1/customers/{customer_id}/tokens/{token_id}", "204 401 404 429 500 502 503 504"),
                Map.entry("post /v1/webhook-endpoints", "201 400 401 409 413 415 422 429 500"),
                Map.entry("get /v1/webhook-endpoints", "200 401 429 500"),
                Map.entry("get /v1/webhook-endpoints/{id}", "200 401 404 429 500"),
                Map.entry("delete /v1/webhook-endpoints/{id}", "204 401 404 429 500"),
                Map.entry("post /v1/webhook-endpoints/{id}/rotate-secret", "200 400 401 404 409 413 415 422 429 500"),
                Map.entry("get /v1/webhook-deliveries", "200 400 401 429 500"),
                Map.entry("post /v1/webhook-deliveries/{id}/retry", "200 400 401 404 409 413 415 422 429 500"),
                Map.entry("get /v1/test-clock", "200 401 404 429 500"),
                Map.entry("post /v1/test-clock/advance", "200 400 401 404 409 413 415 422 429 500 502"),
                Map.entry("post /v1/test-clock/reset", "200 400 401 404 409 413 415 422 429 500 502"),
                Map.entry("post /v1/doku/notifications", "200 400 401 404 413 500"));
        Set<String> documented = new TreeSet<>();
        forEachOperation((key, operation) -> {
            documented.add(key);
            assertEquals(statuses.get(key), String.join(" ", new TreeSet<>(names(operation.path("responses")))), key);
        });
        assertEquals(new TreeSet<>(statuses.keySet()), documented, "exactly the operations of API.md, nothing else");
    }

    @Test
    void everyPropertyAndParameterIsSnakeCase() {
        List<String> names = new ArrayList<>();
        collectPropertyNames(doc, names);
        forEachOperation((key, operation) -> parameters(key, operation).stream()
                .filter(p -> !p.path("in").asText().equals("header"))
                .forEach(p -> names.add(p.path("name").asText())));
        assertTrue(names.size() > 100, "the schemas were walked");
        assertEquals(List.of(), names.stream().filter(name -> !SNAKE_CASE.matcher(name).matches()).toList());
    }

    @Test
    void bearerOnEveryInternalOperationNoneOnDokusNotificationsNorTheBrowsersReturn() {
        JsonNode scheme = doc.at("/components/securitySchemes/bearer");
        assertEquals("http", scheme.path("type").asText());
        assertEquals("bearer", scheme.path("scheme").asText());
        assertEquals("[{\"bearer\":[]}]", doc.path("security").toString());
        forEachOperation((key, operation) -> {
            if (key.endsWith(NOTIFICATIONS) || key.endsWith(BROWSER_RETURN)) {
                assertEquals("[]", operation.path("security").toString(), key);
            } else {
                assertTrue(operation.path("security").isMissingNode(), key + " inherits the bearer requirement");
            }
        });
    }

    @Test
    void eachParameterOnceIdempotencyKeyOnEveryPost() {
        forEachOperation((key, operation) -> {
            List<String> names = parameters(key, operation).stream()
                    .map(p -> p.path("in").asText() + ":" + p.path("name").asText().toLowerCase()).toList();
            assertEquals(names.size(), Set.copyOf(names).size(), key + " declares a parameter twice: " + names);
            boolean internalPost = key.startsWith("post ") && !key.endsWith(NOTIFICATIONS);
            assertEquals(internalPost, names.contains("header:idempotency-key"), key);
            if (internalPost) {
                operation.path("responses").properties().stream().filter(r -> r.getKey().startsWith("2")).forEach(r ->
                        assertFalse(r.getValue().at("/headers/Idempotent-Replayed").isMissingNode(), key + " " + r.getKey()));
            }
        });
        List<String> signed = parameters("post " + NOTIFICATIONS, doc.at("/paths/~1v1~1doku~1notifications/post"))
                .stream().map(p -> p.path("name").asText()).toList();
        assertEquals(List.of("Client-Id", "Request-Id", "Request-Timestamp", "Signature"), signed);
    }

    @Test
    void requestBodiesAreSchemasAndErrorsAreProblems() {
        assertFalse(doc.toString().contains("\"binary\""), "no format: binary anywhere");
        Map<String, String> bodies = Map.of("post /v1/webhook-endpoints", "WebhookEndpointRequest",
                "post /v1/payments", "PaymentRequest", "post /v1/three-d-secure", "ThreeDSecureRequest",
                "post /v1/payments/{id}/capture", "CaptureRequest", "post /v1/payments/{id}/refunds", "RefundRequest",
                "post " + NOTIFICATIONS, "DokuNotification", "post /v1/test-clock/advance", "TestClockAdvance");
        forEachOperation((key, operation) -> {
            JsonNode content = operation.at("/requestBody/content");
            assertEquals(bodies.containsKey(key) ? List.of("application/json") : List.of(), names(content), key);
            if (bodies.containsKey(key)) {
                assertEquals("#/components/schemas/" + bodies.get(key),
                        content.at("/application~1json/schema/$ref").asText(), key);
            }
            operation.path("responses").properties().forEach(response -> {
                if (response.getKey().compareTo("400") >= 0) {
                    assertEquals("#/components/schemas/Problem", resolve(response.getValue())
                            .at("/content/application~1problem+json/schema/$ref").asText(), key + " " + response.getKey());
                }
            });
        });
        JsonNode problem = doc.at("/components/schemas/Problem/properties");
        assertEquals(List.of("type", "title", "status", "code", "detail", "errors", "payment_id"), names(problem));
    }

    @Test
    void everyAnswerDeclaresServerTiming() {
        // Required: support/OpenApiContract then checks it on every exchange of every test.
        forEachOperation((key, operation) -> operation.path("responses").properties().forEach(response -> {
            JsonNode header = resolve(resolve(response.getValue()).path("headers").path("Server-Timing"));
            assertTrue(header.path("required").asBoolean(), key + " " + response.getKey() + " declares Server-Timing");
        }));
    }

    private static void forEachOperation(BiConsumer<String, JsonNode> action) {
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                action.accept(operation.getKey() + " " + path.getKey(), operation.getValue());
            }
        }));
    }

    /** The operation's parameters and those of its path, references resolved. */
    private static List<JsonNode> parameters(String key, JsonNode operation) {
        String path = key.substring(key.indexOf(' ') + 1);
        List<JsonNode> all = new ArrayList<>();
        doc.path("paths").path(path).path("parameters").forEach(p -> all.add(resolve(p)));
        operation.path("parameters").forEach(p -> all.add(resolve(p)));
        return all;
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? doc.at(node.get("$ref").asText().substring(1)) : node;
    }

    /** The names of every schema property in the document, wherever the schema sits. */
    private static void collectPropertyNames(JsonNode node, List<String> names) {
        if (node.isObject() && node.path("properties").isObject()) {
            names.addAll(names(node.get("properties")));
        }
        node.forEach(child -> collectPropertyNames(child, names));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
