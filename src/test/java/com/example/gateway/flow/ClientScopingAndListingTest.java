package com.example.gateway.flow;

import com.example.gateway.support.TestPorts;
import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.SUBSCRIPTIONS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.get;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientScopingAndListingTest {

    @Test
    void aClientSeesOnlyItsOwnPayments() {
        String customer = "CUST-" + UUID.randomUUID();
        String id = create(ORDERS, withCustomer(newInvoice(), customer)).statusCode(201).extract().path("id");

        get(SUBSCRIPTIONS, id).statusCode(404).body("code", equalTo("payment_not_found"));
        as(SUBSCRIPTIONS).queryParam("customer_id", customer).get("/v1/payments").then().statusCode(200)
                .body("items", hasSize(0));
        as(ORDERS).queryParam("customer_id", customer).get("/v1/payments").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void listingPagesNewestFirstWithACursor() {
        String customer = "CUST-" + UUID.randomUUID();
        List<String> created = List.of(
                create(ORDERS, withCustomer(newInvoice(), customer)).statusCode(201).extract().path("id"),
                create(ORDERS, withCustomer(newInvoice(), customer)).statusCode(201).extract().path("id"),
                create(ORDERS, withCustomer(newInvoice(), customer)).statusCode(201).extract().path("id"));

        var first = as(ORDERS).queryParam("customer_id", customer).queryParam("limit", 2).get("/v1/payments")
                .then().statusCode(200).body("items", hasSize(2)).extract();
        assertEquals(List.of(created.get(2), created.get(1)), first.path("items.id"));
        String cursor = first.path("next_cursor");
        assertNotNull(cursor);

        as(ORDERS).queryParam("customer_id", customer).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/v1/payments").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(created.get(0)))
                .body("next_cursor", nullValue());
        as(ORDERS).queryParam("status", "PENDING").queryParam("customer_id", customer).get("/v1/payments").then()
                .body("items", hasSize(3));
    }

    @Test
    void badListingParametersAreAllReported() {
        as(ORDERS).queryParam("limit", 500).queryParam("status", "NOPE").queryParam("cursor", "!!")
                .get("/v1/payments").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("limit", "status", "cursor"));
    }

    @Test
    void healthAndMetricsAreOnTheManagementPort() {
        given().port(TestPorts.management()).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Reactive PostgreSQL"));
        create(ORDERS, withCustomer(newInvoice(), "CUST-metrics")).statusCode(201);
        given().port(TestPorts.management()).get("/q/metrics").then().statusCode(200)
                .body(containsString("doku_calls_seconds_count{operation=\"payment_page\",outcome=\"success\""))
                .body(containsString("gateway_payments_total"));
        given().get("/q/metrics").then().statusCode(404);
    }

    private static String withCustomer(String invoice, String customer) {
        return """
                {"invoice_number": "%s", "amount": 5000, "customer": {"id": "%s", "phone": "6281122334455"}}
                """.formatted(invoice, customer);
    }
}
