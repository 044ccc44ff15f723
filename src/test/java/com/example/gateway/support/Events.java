package com.example.gateway.support;

import static com.example.gateway.support.GatewayApi.as;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** A payment's history as {@code GET /v1/payments/{id}/events} answers it. */
public final class Events {

    private Events() {
    }

    public static JsonPath history(String apiKey, String paymentId) {
        return as(apiKey).get("/v1/payments/" + paymentId + "/events").then().statusCode(200).extract().jsonPath();
    }

    /** Each event as {@code type/cause}, oldest first: {@code payment.succeeded/notification}. */
    public static List<String> typesAndCauses(String apiKey, String paymentId) {
        return history(apiKey, paymentId).<Map<String, Object>>getList("items").stream()
                .map(event -> event.get("type") + "/" + event.get("cause")).toList();
    }
}
