package com.example.gateway.api;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiBasicsTest {

    @Test
    void missingOrWrongKeyIsUnauthorized() {
        given().get("/v1/payments").then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("unauthorized"));
        given().header("Authorization", "Bearer not-a-key").get("/v1/payments").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("code", equalTo("unauthorized"));
    }

    /** RFC 9110 §11.1: the authentication scheme's name is case-insensitive. */
    @Test
    void theBearerSchemeIsCaseInsensitive() {
        given().header("Authorization", "bearer " + ORDERS).get("/v1/payments").then().statusCode(200);
    }

    @Test
    void dokuNotificationsNeedNoApiKey() {
        given().contentType("application/json").body("{}").post("/v1/doku/notifications").then().statusCode(401)
                .body("code", equalTo("invalid_signature"));
    }

    @Test
    void unknownPaymentIsNotFound() {
        as(ORDERS).get("/v1/payments/pay_doesnotexist").then().statusCode(404)
                .body("code", equalTo("payment_not_found"));
    }

    @Test
    void malformedJsonIsAValidationProblem() {
        as(ORDERS).body("{\"amount\": ").post("/v1/payments").then().statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void openApiDescribesThePaymentsPath() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/v1/payments"));
    }
}
