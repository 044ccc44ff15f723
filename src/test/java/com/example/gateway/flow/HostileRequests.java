package com.example.gateway.flow;

import com.example.gateway.doku.DokuSigner;
import com.example.gateway.support.GatewayApi;
import com.example.gateway.support.Ids;
import com.example.gateway.support.Notifications;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The hostile-input table: bad values × fields × endpoints, each a request the gateway must refuse
 * with a 4xx problem without storing anything or calling DOKU. Card numbers are generated from the
 * seed, so that they appear nowhere else and a leak of one can be searched for.
 */
final class HostileRequests {

    record Hostile(String name, String method, String target, List<String> headers, byte[] body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "Authorization: Bearer " + GatewayApi.ORDERS;
    private static final String JSON_TYPE = "Content-Type: application/json";

    /** JSON fragments that no text field accepts. */
    private static final List<String> BAD_TEXT = List.of("\"\\u0000\"", "\"A\\u0000B\"", "\"\\u0007\"",
            "\"line\\nbreak\"", "\"\\u001b[31mred\"", "\"\\u007f\"", "\"\\u0085\"", "\"\\u009f\"", "\"\\ud800\"",
            "\"\\udc00x\"", "\"x\\ud83d\"", "\"" + "a".repeat(5000) + "\"", "12345", "true", "{}", "[]", "[\"a\"]");
    private static final List<String> TEXT_FIELDS = List.of("invoice_number", "customer.id", "customer.name",
            "customer.email", "customer.phone", "customer.address", "customer.country", "callback_url",
            "failed_url", "descriptor", "payment_type", "flow", "acquirer", "theme.language",
            "theme.background_color", "disclaimer.en", "override_notification_url");
    private static final List<String> BAD_MONEY = List.of("\"100\"", "100.5", "1e3", "-1", "0", "1000000000000",
            "99999999999999999999999", "null", "true", "[]", "{}", "\"\\u0000\"");
    private static final List<String> BAD_ARRAYS = List.of(
            "line_items=[null]", "line_items=[null, {\"name\": \"A\", \"price\": 10000, \"quantity\": 1}]",
            "line_items=[{\"name\": \"\\u0000\", \"price\": 10000, \"quantity\": 1}]",
            "line_items=[{\"name\": \"A\", \"price\": \"\\u0000\", \"quantity\": 1}]",
            "line_items=[{\"name\": \"A\", \"price\": 10000, \"quantity\": 1, \"evil\": \"\\u0000\"}]",
            "line_items={}", "line_items=\"x\"", "line_items=[[]]",
            "promos=[null]", "promos=[{\"bin\": \"411111\", \"discount_amount\": 100}, null]",
            "promos=[{\"bin\": \"\\u0000\", \"discount_amount\": 100}]",
            "promos=[{\"bin\": \"411111\", \"discount_amount\": null}]",
            "allow_bins=[null]", "allow_bins=[\"\\u0000\"]", "allow_bins=[\"411111\", null]", "allow_bins=[411111]",
            "allow_tenors=[null]", "allow_tenors=[3, null]", "allow_tenors=[\"3\"]", "allow_tenors=[0]",
            "tenor=\"\\u0000\"", "auto_redirect=\"\\u0000\"", "card={\"token\": \"\\u0000\"}");
    private static final List<String> BAD_IDS = List.of("%00", "pay_%00", "pay_abc%00def", "%0d%0aX-Injected:%20yes",
            "%zz", "%", "%G1", "pay_AAAAAAAAAAAAAAAAAAAAAAAA", "x".repeat(300), "%C0%AF", "%FF", "%E2%80%AE",
            "..%2F..%2Fetc", "pay_aaaaaaaaaaaaaaaaaaaaaaaa");
    private static final List<String> BAD_CUSTOMERS = List.of("%00", "%0A", "CUST%00", "c".repeat(51), "%zz", "%FF",
            "%C0%AF", "%E2%80%AE", "%C2%85");
    private static final List<String> BAD_KEYS = List.of("Idempotency-Key:", "Idempotency-Key: ",
            "Idempotency-Key: has spaces", "Idempotency-Key: " + "k".repeat(256), "Idempotency-Key: caf\u00e9",
            "Idempotency-Key: \u0085");
    private static final List<String> BAD_AUTH = List.of("", "Authorization: Bearer wrong-key", "Authorization: Bearer ",
            "Authorization: Basic b3JkZXJzOm9yZGVycy1rZXk=", "Authorization: Bearer orders-key-but-longer");

    private final Random random;
    private final String paymentId;
    private final List<String> cardNumbers;
    private final List<Hostile> requests = new ArrayList<>();

    HostileRequests(long seed, String paymentId) {
        this.random = new Random(seed);
        this.paymentId = paymentId;
        this.cardNumbers = List.of(cardNumber(), cardNumber(), cardNumber(), cardNumber());
    }

    /** The card numbers in the generated bodies: they must show up nowhere. */
    List<String> cardNumbers() {
        return cardNumbers;
    }

    List<Hostile> all() {
        paymentBodies();
        chargeBodies();
        malformedBodies();
        idempotencyKeys();
        authentication();
        controlCharactersInHeaders();
        contentTypes();
        undeclaredBodies();
        pathIds();
        queries();
        emptyAndRepeatedParameters();
        tokens();
        notifications();
        oversize();
        methods();
        return requests;
    }

    // ---- POST /v1/payments

    private void paymentBodies() {
        for (String field : TEXT_FIELDS) {
            for (String value : BAD_TEXT) {
                post("payment " + field + "=" + abbreviated(value), "/v1/payments", withField(pageBody(), field, value));
            }
        }
        for (String value : BAD_MONEY) {
            post("payment amount=" + value, "/v1/payments", withField(pageBody(), "amount", value));
            post("line item price=" + value, "/v1/payments", withField(pageBody(), "line_items",
                    "[{\"name\": \"A\", \"price\": " + value + ", \"quantity\": 1}]"));
        }
        for (String assignment : BAD_ARRAYS) {
            int equals = assignment.indexOf('=');
            post("payment " + abbreviated(assignment), "/v1/payments",
                    withField(pageBody(), assignment.substring(0, equals), assignment.substring(equals + 1)));
        }
        for (String unknown : List.of("colour", "__proto__", "Amount", "amount ", "\\u0000", "customer.evil",
                "card.pin")) {
            post("payment unknown field " + unknown, "/v1/payments", withField(pageBody(), unknown, "\"red\""));
        }
        // A card number sent as a field name must not come back in errors[].field.
        for (String number : cardNumbers) {
            post("card number as a field name", "/v1/payments", withField(pageBody(), number, "\"x\""));
            post("card number as a customer field name", "/v1/payments", withField(pageBody(), "customer." + number, "1"));
            post("card number as a refund field name", "/v1/payments/" + paymentId + "/refunds",
                    "{\"amount\": 1000, \"" + number + "\": 1}");
        }
    }

    /** CHARGE bodies with a real-looking card number and one bad field: the number must not leak. */
    private void chargeBodies() {
        List<String> fields = List.of("card.cvv", "card.expiry", "three_dsecure_authentication_id", "customer.id",
                "invoice_number", "payment_type");
        for (String field : fields) {
            for (String value : List.of("\"\\u0000\"", "\"\\u001b\"", "\"\\ud800\"", "[null]", "7")) {
                post("charge " + field + "=" + value, "/v1/payments", withField(chargeBody(), field, value));
            }
        }
        for (String number : cardNumbers) {
            post("charge card number with NUL", "/v1/payments", withField(chargeBody(), "card.number",
                    "\"" + number + "\\u0000\""));
            post("charge card in a page payment", "/v1/payments", withField(pageBody(), "card",
                    "{\"number\": \"" + number + "\", \"expiry\": \"1230\", \"cvv\": \"123\"}"));
        }
    }

    private void malformedBodies() {
        String base = pageBody().toString();
        List<byte[]> bodies = new ArrayList<>(List.of(utf8(base + " {\"b\": 2}"), utf8(base + "xyz"), utf8(base + "]"),
                utf8("[" + base + "]"), utf8("\"string\""), utf8("null"), utf8("42"), utf8("{"), utf8(""),
                utf8(base.replace("\"amount\"", "\"amount\": 5, \"amount\"")),
                utf8("{\"a\": " + "[".repeat(5000) + "]".repeat(5000) + "}"),
                utf8("{\"amount\": 1" + "0".repeat(2000) + "}"),
                utf8(base.replace("}", ", \"x\": 1e999999999}"))));
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xFF},
                new byte[] {0}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF})) {
            bodies.add(insertIntoInvoice(base, bad));
            bodies.add(concat(utf8(base), bad));
        }
        for (byte[] body : bodies) {
            String name = "malformed body " + abbreviated(new String(body, StandardCharsets.ISO_8859_1));
            requests.add(new Hostile(name, "POST", "/v1/payments", List.of(AUTH, JSON_TYPE), body));
            requests.add(new Hostile(name + " (refund)", "POST", "/v1/payments/" + paymentId + "/refunds",
                    List.of(AUTH, JSON_TYPE), body.length == 0 ? utf8("{}") : body));
            requests.add(new Hostile(name + " (capture)", "POST", "/v1/payments/" + paymentId + "/capture",
                    List.of(AUTH, JSON_TYPE), body.length == 0 ? utf8("[]") : body));
        }
        for (String value : BAD_TEXT) {
            post("refund reason=" + abbreviated(value), "/v1/payments/" + paymentId + "/refunds",
                    "{\"amount\": 1000, \"reason\": " + value + "}");
        }
        for (String value : BAD_MONEY) {
            post("refund amount=" + value, "/v1/payments/" + paymentId + "/refunds", "{\"amount\": " + value + "}");
            if (!value.equals("null")) {
                post("capture amount=" + value, "/v1/payments/" + paymentId + "/capture", "{\"amount\": " + value + "}");
            }
        }
    }

    // ---- headers

    private void idempotencyKeys() {
        for (String key : BAD_KEYS) {
            String name = "idempotency " + abbreviated(key);
            requests.add(new Hostile(name, "POST", "/v1/payments", List.of(AUTH, JSON_TYPE, key),
                    utf8(pageBody().toString())));
            requests.add(new Hostile(name + " (capture)", "POST", "/v1/payments/" + paymentId + "/capture",
                    List.of(AUTH, JSON_TYPE, key), utf8("{}")));
            requests.add(new Hostile(name + " (refund)", "POST", "/v1/payments/" + paymentId + "/refunds",
                    List.of(AUTH, JSON_TYPE, key), utf8("{\"amount\": 1000}")));
            requests.add(new Hostile(name + " (sync)", "POST", "/v1/payments/" + paymentId + "/sync",
                    List.of(AUTH, key), null));
        }
        requests.add(new Hostile("two idempotency keys", "POST", "/v1/payments",
                List.of(AUTH, JSON_TYPE, "Idempotency-Key: one", "Idempotency-Key: two"), utf8(pageBody().toString())));
    }

    private void authentication() {
        for (String auth : BAD_AUTH) {
            List<String> headers = auth.isEmpty() ? List.of(JSON_TYPE) : List.of(auth, JSON_TYPE);
            for (String[] endpoint : endpoints()) {
                requests.add(new Hostile("auth '" + auth + "' " + endpoint[0] + " " + endpoint[1], endpoint[0],
                        endpoint[1], headers, endpoint[0].equals("POST") ? utf8(pageBody().toString()) : null));
            }
        }
    }

    /** NUL and other control characters in the headers the gateway reads: Netty's decoder refuses them. */
    private void controlCharactersInHeaders() {
        for (String header : List.of("Authorization: Bearer orders\u0000key", "Authorization: Bearer \u0000",
                "Authorization: Bearer orders-key\u0001", "Authorization: Bearer orders-key\u001b[2J",
                "Idempotency-Key: k\u0000ey", "Idempotency-Key: \u0000", "Idempotency-Key: key\u0007",
                "Idempotency-Key: key\u007f", "X-Anything: \u0000")) {
            List<String> headers = header.startsWith("Authorization") ? List.of(header, JSON_TYPE)
                    : List.of(AUTH, JSON_TYPE, header);
            String name = "header " + abbreviated(header);
            requests.add(new Hostile(name, "POST", "/v1/payments", headers, utf8(pageBody().toString())));
            requests.add(new Hostile(name + " (capture)", "POST", "/v1/payments/" + paymentId + "/capture", headers,
                    utf8("{}")));
            requests.add(new Hostile(name + " (GET)", "GET", "/v1/payments/" + paymentId, headers, null));
        }
    }

    private void contentTypes() {
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json-patch+json")) {
            requests.add(new Hostile("payment as " + type, "POST", "/v1/payments",
                    List.of(AUTH, "Content-Type: " + type), utf8(pageBody().toString())));
            requests.add(new Hostile("refund as " + type, "POST", "/v1/payments/" + paymentId + "/refunds",
                    List.of(AUTH, "Content-Type: " + type), utf8("{\"amount\": 1000}")));
        }
    }

    /** A body that is not declared JSON (no Content-Type, or another type) on every POST that takes one. */
    private void undeclaredBodies() {
        List<String[]> posts = List.of(new String[][] {{"/v1/payments", pageBody().toString()},
            {"/v1/payments/" + paymentId + "/capture", "{\"amount\": 1000}"},
            {"/v1/payments/" + paymentId + "/refunds", "{\"amount\": 1000}"},
            {"/v1/payments/" + paymentId + "/sync", "{}"},
            {"/v1/webhook-endpoints", "{\"url\": \"https://localhost/hook\"}"},
            {"/v1/webhook-endpoints/we_aaaaaaaaaaaaaaaaaaaaaaaa/rotate-secret", "{}"},
            {"/v1/webhook-deliveries/whd_aaaaaaaaaaaaaaaaaaaaaaaa/retry", "{}"}});
        for (String[] post : posts) {
            for (List<String> headers : List.of(List.of(AUTH), List.of(AUTH, "Content-Type: text/plain"),
                    List.of(AUTH, "Content-Type: application/json; charset=iso-8859-1"),
                    List.of(AUTH, "Content-Type: application/vnd.api+json"))) {
                requests.add(new Hostile("body as " + (headers.size() == 1 ? "nothing" : headers.get(1)) + " " + post[0],
                        "POST", post[0], headers, utf8(post[1])));
            }
        }
    }

    // ---- paths and queries

    private void pathIds() {
        for (String id : BAD_IDS) {
            get("payment id " + abbreviated(id), "/v1/payments/" + id);
            post("capture id " + abbreviated(id), "/v1/payments/" + id + "/capture", "{}");
            post("refund id " + abbreviated(id), "/v1/payments/" + id + "/refunds", "{\"amount\": 1000}");
            post("sync id " + abbreviated(id), "/v1/payments/" + id + "/sync", "");
        }
        get("payment id with a NUL after a real one", "/v1/payments/" + paymentId + "%00");
    }

    private void queries() {
        String farFuture = cursor("+1000000000-01-01T00:00:00Z|pay_aaaaaaaaaaaaaaaaaaaaaaaa");
        List<String> pageParams = List.of("limit=0", "limit=-1", "limit=101", "limit=1e2", "limit=%00",
                "limit=99999999999", "limit=abc", "cursor=%00", "cursor=garbage", "cursor=" + farFuture,
                "cursor=" + cursor("2026-01-01T00:00:00Z|x%00"), "cursor=" + cursor("2026-01-01T00:00:00Z|pay_%00"),
                "cursor=" + cursor("2026-01-01T00:00:00Z"), "limit=%G1", "cursor=%");
        List<String> paymentParams = List.of("invoice_number=%00", "invoice_number=A%00B", "invoice_number=%0A",
                "invoice_number=" + "i".repeat(65), "invoice_number=%E2%80%AE", "invoice_number=%FF",
                "customer_id=%00", "customer_id=" + "c".repeat(51), "customer_id=%07", "customer_id=%C2%85",
                "status=%00", "status=paid", "status=PAID%00", "status=%G1", "status=%");
        for (String param : concat(pageParams, paymentParams)) {
            get("payments ?" + abbreviated(param), "/v1/payments?" + param);
        }
        List<String> authorizationParams = List.of("expiring_before=%00", "expiring_before=%2B1000000000-01-01T00:00:00Z",
                "expiring_before=-999999999-01-01T00:00:00Z", "expiring_before=tomorrow",
                "expiring_before=2026-13-01T00:00:00Z", "expiring_before=2026-01-01T00:00:00Z%00",
                "expiring_before=%G1");
        for (String param : concat(pageParams, authorizationParams)) {
            get("authorizations ?" + abbreviated(param), "/v1/authorizations?" + param);
        }
    }

    /** Empty and repeated query parameters, for every query parameter of every endpoint. */
    private void emptyAndRepeatedParameters() {
        List<String[]> endpointParams = List.of(new String[][] {
            {"/v1/payments", "invoice_number", "INV-1"}, {"/v1/payments", "customer_id", "CUST-1"},
            {"/v1/payments", "status", "SUCCEEDED"}, {"/v1/payments", "limit", "10"}, {"/v1/payments", "cursor", null},
            {"/v1/authorizations", "expiring_before", "2030-01-01T00:00:00Z"}, {"/v1/authorizations", "limit", "10"},
            {"/v1/authorizations", "cursor", null}, {"/v1/customers/CUST-1/tokens", "type", "CREDIT_CARD"},
            {"/v1/webhook-deliveries", "status", "failed"}, {"/v1/webhook-deliveries", "limit", "10"},
            {"/v1/webhook-deliveries", "cursor", null}});
        for (String[] endpoint : endpointParams) {
            String path = endpoint[0];
            String param = endpoint[1];
            get("empty " + param + " on " + path, path + "?" + param + "=");
            get("bare " + param + " on " + path, path + "?" + param);
            if (endpoint[2] != null) {
                get("repeated " + param + " on " + path, path + "?" + param + "=" + endpoint[2] + "&" + param + "=" + endpoint[2]);
            }
        }
        get("limit=10&limit=500", "/v1/payments?limit=10&limit=500");
    }

    private void tokens() {
        for (String customer : BAD_CUSTOMERS) {
            get("tokens of " + abbreviated(customer), "/v1/customers/" + customer + "/tokens");
            requests.add(new Hostile("delete token of " + abbreviated(customer), "DELETE",
                    "/v1/customers/" + customer + "/tokens/abc", List.of(AUTH), null));
        }
        for (String token : List.of("%00", "%20", "t".repeat(300), "%0A", "a%00b", "%zz", "%FF")) {
            requests.add(new Hostile("delete token " + abbreviated(token), "DELETE", "/v1/customers/CUST-1/tokens/" + token,
                    List.of(AUTH), null));
        }
        for (String type : List.of("%00", "credit_card", "X", "CREDIT_CARD%00", "%G1")) {
            get("tokens of type " + type, "/v1/customers/CUST-1/tokens?type=" + type);
        }
    }

    // ---- DOKU notifications

    private void notifications() {
        String invoice = "INV-hostile-" + random.nextInt(1_000_000);
        List<byte[]> bodies = new ArrayList<>(List.of(new byte[] {0}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xFF, (byte) 0xFE}, utf8("[1]"), utf8("\"x\""), utf8("null"), utf8(""), utf8("{"),
                utf8("{\"order\": {}} xyz"), utf8("{\"order\": {}} {\"b\": 2}"),
                utf8("{\"order\": {\"invoice_number\": \"" + invoice + "\\u0000\", \"amount\": 1000}}"),
                utf8("{\"order\": {\"invoice_number\": \"" + invoice + "\\r\\nFORGED LOG LINE\"}}"),
                utf8("{\"order\": {\"invoice_number\": \"\\u001b[2J\\ud800\"}}"),
                utf8("{\"\\u0000\": 1, \"order\": {\"invoice_number\": \"" + invoice + "\"}}"),
                utf8("{\"a\": " + "[".repeat(5000) + "]".repeat(5000) + "}"),
                utf8("{\"order\": {\"invoice_number\": \"" + invoice + "\", \"amount\": 1000}}"),
                utf8("{\"transaction\": {\"status\": \"SUCCESS\"}}"),
                concat(utf8("{\"order\": {\"invoice_number\": \"A"), new byte[] {0, '"', '}', '}'})));
        bodies.add(concat(utf8("{\"order\": {\"invoice_number\": \""), new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
                utf8("\"}}")));
        for (byte[] body : bodies) {
            String name = abbreviated(new String(body, StandardCharsets.ISO_8859_1));
            requests.add(notification("unsigned notification " + name, List.of(JSON_TYPE), body));
            requests.add(notification("wrongly signed notification " + name,
                    signed(new DokuSigner("MCH-TEST-0001", "guessed-key"), body), body));
            requests.add(notification("signed notification " + name, signed(Notifications.DOKU, body), body));
        }
        byte[] body = utf8("{\"order\": {\"invoice_number\": \"" + invoice + "\"}}");
        List<String> signedHeaders = signed(Notifications.DOKU, body);
        requests.add(notification("signed notification with an old timestamp", signedAt(Instant.parse(
                "2020-01-01T00:00:00Z"), body), body));
        requests.add(notification("signature of another body", signedHeaders, utf8("{\"order\": {}}")));
        requests.add(notification("no signature headers", List.of(JSON_TYPE, "Signature: HMACSHA256=AAAA"), body));
        requests.add(notification("signature header with a C1 control", List.of(JSON_TYPE, "Client-Id: MCH\u0085",
                "Request-Id: r\u0085\u009b", "Request-Timestamp: \u0085", "Signature: HMACSHA256=\u0085"), body));
    }

    private List<String> signed(DokuSigner signer, byte[] body) {
        return signedWith(signer, Instant.now(), body);
    }

    private List<String> signedAt(Instant at, byte[] body) {
        return signedWith(Notifications.DOKU, at, body);
    }

    private static List<String> signedWith(DokuSigner signer, Instant at, byte[] body) {
        String requestId = UUID.randomUUID().toString();
        String timestamp = DokuSigner.timestamp(at);
        return List.of(JSON_TYPE, "Client-Id: " + signer.clientId(), "Request-Id: " + requestId,
                "Request-Timestamp: " + timestamp,
                "Signature: " + signer.sign(requestId, timestamp, Notifications.TARGET, body));
    }

    private static Hostile notification(String name, List<String> headers, byte[] body) {
        return new Hostile(name, "POST", Notifications.TARGET, headers, body);
    }

    // ---- the HTTP layer

    private void oversize() {
        for (String[] endpoint : concat(endpoints(), List.<String[]>of(new String[] {"POST", Notifications.TARGET}))) {
            String method = endpoint[0];
            String target = endpoint[1];
            requests.add(new Hostile("long URI " + method + " " + target, method,
                    target + (target.contains("?") ? "&" : "?") + "pad=" + "u".repeat(5000), List.of(AUTH), null));
            requests.add(new Hostile("large headers " + method + " " + target, method, target,
                    List.of(AUTH, "X-Pad: " + "h".repeat(20_000)), null));
            if (method.equals("POST")) {
                // Only the header: the gateway must refuse before reading a byte of the body.
                requests.add(new Hostile("large body " + target, method, target,
                        List.of(AUTH, JSON_TYPE, "Content-Length: 300000"), null));
            }
        }
    }

    private void methods() {
        requests.add(new Hostile("PUT payments", "PUT", "/v1/payments", List.of(AUTH, JSON_TYPE), utf8("{}")));
        requests.add(new Hostile("DELETE a payment", "DELETE", "/v1/payments/" + paymentId, List.of(AUTH), null));
        requests.add(new Hostile("PATCH capture", "PATCH", "/v1/payments/" + paymentId + "/capture", List.of(AUTH), null));
        requests.add(new Hostile("GET notifications", "GET", Notifications.TARGET, List.of(), null));
        requests.add(new Hostile("POST authorizations", "POST", "/v1/authorizations", List.of(AUTH, JSON_TYPE),
                utf8("{}")));
    }

    // ---- helpers

    /** Every authenticated endpoint, aimed at the fixture payment and its customer. */
    private List<String[]> endpoints() {
        return List.of(new String[][] {{"POST", "/v1/payments"}, {"GET", "/v1/payments"},
            {"GET", "/v1/payments/" + paymentId}, {"POST", "/v1/payments/" + paymentId + "/capture"},
            {"POST", "/v1/payments/" + paymentId + "/refunds"}, {"POST", "/v1/payments/" + paymentId + "/sync"},
            {"GET", "/v1/authorizations"}, {"GET", "/v1/customers/CUST-1/tokens"},
            {"DELETE", "/v1/customers/CUST-1/tokens/abc"}});
    }

    private void get(String name, String target) {
        requests.add(new Hostile(name, "GET", target, List.of(AUTH), null));
    }

    private void post(String name, String target, Object body) {
        requests.add(new Hostile(name, "POST", target, List.of(AUTH, JSON_TYPE), utf8(body.toString())));
    }

    private ObjectNode pageBody() {
        return parse(GatewayApi.paymentPage("INV-hostile-" + random.nextInt(1_000_000_000), 10000));
    }

    private ObjectNode chargeBody() {
        String number = cardNumbers.get(random.nextInt(cardNumbers.size()));
        // A well-formed authentication id is enough: each body has one bad field, and is refused before use.
        return parse(GatewayApi.charge("INV-hostile-" + random.nextInt(1_000_000_000), 10000, "SALE", number,
                Ids.newId("tds")));
    }

    /** The body with {@code path} (one level of nesting at most) set to a raw JSON fragment. */
    private static ObjectNode withField(ObjectNode body, String path, String jsonFragment) {
        int dot = path.indexOf('.');
        ObjectNode parent = body;
        String name = path;
        if (dot > 0) {
            String outer = path.substring(0, dot);
            parent = body.get(outer) instanceof ObjectNode existing ? existing : body.putObject(outer);
            name = path.substring(dot + 1);
        }
        parent.putRawValue(unescaped(name), new RawValue(jsonFragment));
        return body;
    }

    /** Field names are written by Jackson, which escapes them itself. */
    private static String unescaped(String name) {
        return name.equals("\\u0000") ? "\u0000" : name;
    }

    private static byte[] insertIntoInvoice(String body, byte[] bad) {
        int at = body.indexOf("INV-hostile-") + "INV-hostile-".length();
        return concat(utf8(body.substring(0, at)), bad, utf8(body.substring(at)));
    }

    private String cardNumber() {
        StringBuilder digits = new StringBuilder("4");
        while (digits.length() < 15) {
            digits.append(random.nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            if (luhnValid(digits.toString() + check)) {
                return digits.toString() + check;
            }
        }
        throw new IllegalStateException("no check digit");
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
        }
        return sum % 10 == 0;
    }

    private static String cursor(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(text.replace("%00", "\u0000")));
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    static String abbreviated(String text) {
        String visible = text.replaceAll("[\\x00-\\x1F\\x7F-\\x9F]", "?");
        return visible.length() > 60 ? visible.substring(0, 60) + "…" : visible;
    }
}
