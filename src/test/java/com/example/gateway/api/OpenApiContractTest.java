package com.example.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** /q/openapi agrees with API.md: its paths, methods, status codes and the shapes of its bodies. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void everyPathOfTheContractIsDescribed() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/v1/payments"))
                .body("paths", hasKey("/v1/payments/{id}"))
                .body("paths", hasKey("/v1/payments/{id}/capture"))
                .body("paths", hasKey("/v1/payments/{id}/refunds"))
                .body("paths", hasKey("/v1/payments/{id}/sync"))
                .body("paths", hasKey("/v1/authorizations"))
                .body("paths", hasKey("/v1/customers/{customer_id}/tokens"))
                .body("paths", hasKey("/v1/customers/{customer_id}/tokens/{token_id}"))
                .body("paths", hasKey("/v1/doku/notifications"))
                .extract().jsonPath();
        String[][] operations = {
                {"/v1/payments", "post", "201"}, {"/v1/payments", "post", "400"}, {"/v1/payments", "post", "409"},
                {"/v1/payments", "post", "502"}, {"/v1/payments", "post", "503"}, {"/v1/payments", "post", "504"},
                {"/v1/payments", "get", "200"}, {"/v1/payments/{id}", "get", "404"},
                {"/v1/payments/{id}/capture", "post", "200"}, {"/v1/payments/{id}/capture", "post", "409"},
                {"/v1/payments/{id}/capture", "post", "422"},
                {"/v1/payments/{id}/refunds", "post", "201"}, {"/v1/payments/{id}/refunds", "post", "422"},
                {"/v1/payments/{id}/sync", "post", "200"}, {"/v1/authorizations", "get", "200"},
                {"/v1/customers/{customer_id}/tokens", "get", "200"},
                {"/v1/customers/{customer_id}/tokens/{token_id}", "delete", "204"},
                {"/v1/customers/{customer_id}/tokens/{token_id}", "delete", "404"},
                {"/v1/doku/notifications", "post", "200"}, {"/v1/doku/notifications", "post", "401"}};
        for (String[] op : operations) {
            String path = "paths.'" + op[0] + "'." + op[1] + ".responses.'" + op[2] + "'";
            assertNotNull(doc.get(path), path);
        }
        assertEquals("#/components/schemas/PaymentRequest",
                doc.get("paths.'/v1/payments'.post.requestBody.content.'application/json'.schema.$ref"));
        assertNotNull(doc.get("components.schemas.PaymentRequest.properties.invoice_number"));
        assertNotNull(doc.get("components.schemas.Payment.properties.capture_deadline"));
        assertNotNull(doc.get("components.schemas.Problem.properties.errors"));
    }
}
