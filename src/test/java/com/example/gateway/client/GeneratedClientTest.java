package com.example.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.client.generated.ApiClient;
import com.example.gateway.client.generated.ApiException;
import com.example.gateway.client.generated.ApiResponse;
import com.example.gateway.client.generated.api.Class3DSecureApi;
import com.example.gateway.client.generated.api.PaymentsApi;
import com.example.gateway.client.generated.model.CaptureRequest;
import com.example.gateway.client.generated.model.CardInput;
import com.example.gateway.client.generated.model.Customer;
import com.example.gateway.client.generated.model.OperationStatus;
import com.example.gateway.client.generated.model.Payment;
import com.example.gateway.client.generated.model.PaymentFlow;
import com.example.gateway.client.generated.model.PaymentRequest;
import com.example.gateway.client.generated.model.PaymentStatus;
import com.example.gateway.client.generated.model.Refund;
import com.example.gateway.client.generated.model.RefundRequest;
import com.example.gateway.client.generated.model.ThreeDSecure;
import com.example.gateway.client.generated.model.ThreeDSecureRequest;
import com.example.gateway.client.generated.model.ThreeDSecureRequestCard;
import com.example.gateway.client.generated.model.ThreeDSecureStatus;
import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.GatewayApi;
import com.example.gateway.support.TestPorts;
import com.example.gateway.support.ThreeDSecureFlow;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway as another team calls it: through the Java client that openapi-generator generates from
 * the contract at build time (see the pom), with the generator's defaults, and nothing else for the
 * gateway's API. Only the customer's part of 3-D Secure is not the caller's: the issuer's challenge is
 * answered through the emulator, and the browser's return to the gateway is a plain GET; settlement is
 * the emulator's too.
 */
@QuarkusTest
@FreshEmulatorAndClock
class GeneratedClientTest {

    private static final String ENROLLED = "4111111111111111";
    private static final String NOT_ENROLLED = "4000000000000101";

    @Inject
    EmulatorClient emulator;

    private PaymentsApi payments;
    private Class3DSecureApi threeDSecure;

    @BeforeEach
    void client() {
        // The native library has no authentication helpers: the API key goes in by an interceptor.
        ApiClient client = new ApiClient()
                .setScheme("http").setHost("localhost").setPort(TestPorts.api())
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + GatewayApi.ORDERS));
        payments = new PaymentsApi(client);
        threeDSecure = new Class3DSecureApi(client);
    }

    @Test
    void paymentPage() throws ApiException {
        ApiResponse<Payment> created = payments.createPaymentWithHttpInfo(new PaymentRequest()
                .invoiceNumber(GatewayApi.newInvoice())
                .amount(90000L)
                .customer(new Customer().id("CUST-1").name("Anton Budiman").email("anton@example.com"))
                .callbackUrl(URI.create("https://shop.example.com/done")), newKey());

        assertEquals(201, created.getStatusCode());
        Payment payment = created.getData();
        assertEquals(PaymentFlow.PAYMENT_PAGE, payment.getFlow());
        assertEquals(PaymentStatus.PENDING, payment.getStatus());
        assertNotNull(payment.getPaymentPageUrl());
        assertEquals(PaymentStatus.PENDING, payments.getPayment(payment.getId()).getStatus());
    }

    @Test
    void metadataRoundTrip() throws ApiException {
        // The generated model starts with an empty map: {} on the wire, which the gateway takes as none.
        Payment none = payments.createPayment(new PaymentRequest().invoiceNumber(GatewayApi.newInvoice()).amount(25000L)
                .customer(new Customer().email("anton@example.com")), newKey());
        assertEquals(Map.of(), none.getMetadata());

        Payment created = payments.createPayment(new PaymentRequest().invoiceNumber(GatewayApi.newInvoice()).amount(25000L)
                .customer(new Customer().email("anton@example.com"))
                .putMetadataItem("order_ref", "A-1").putMetadataItem("channel", "web"), newKey());

        assertEquals(Map.of("order_ref", "A-1", "channel", "web"), created.getMetadata());
        assertEquals(Map.of("order_ref", "A-1", "channel", "web"), payments.getPayment(created.getId()).getMetadata());
    }

    @Test
    void chargeAfterTheIssuersChallenge() throws Exception {
        String invoice = GatewayApi.newInvoice();
        ApiResponse<ThreeDSecure> started = threeDSecure.createThreeDSecureWithHttpInfo(new ThreeDSecureRequest()
                .invoiceNumber(invoice)
                .amount(90000L)
                .card(new ThreeDSecureRequestCard().number(ENROLLED).expiry("1230"))
                .returnUrl(URI.create(ThreeDSecureFlow.RETURN_URL))
                .failedUrl(URI.create(ThreeDSecureFlow.FAILED_URL)), newKey());
        assertEquals(201, started.getStatusCode());
        ThreeDSecure authentication = started.getData();
        assertEquals(ThreeDSecureStatus.PENDING_CHALLENGE, authentication.getStatus());

        String gatewayReturn = ThreeDSecureFlow.answerChallenge(authentication.getAuthenticationUrl().toString(), "PASS");
        String callerReturn = browserReturn(gatewayReturn);
        assertTrue(callerReturn.startsWith(ThreeDSecureFlow.RETURN_URL), callerReturn);
        assertEquals(ThreeDSecureStatus.AUTHENTICATED, threeDSecure.getThreeDSecure(authentication.getId()).getStatus());

        ApiResponse<Payment> charged = payments.createPaymentWithHttpInfo(
                charge(invoice, 90000, PaymentRequest.PaymentTypeEnum.SALE, ENROLLED)
                        .threeDsecureAuthenticationId(authentication.getId()), newKey());

        assertEquals(201, charged.getStatusCode());
        assertEquals(PaymentStatus.SUCCEEDED, charged.getData().getStatus());
        assertEquals(90000L, charged.getData().getCapturedAmount());
        assertEquals(ThreeDSecureStatus.USED, threeDSecure.getThreeDSecure(authentication.getId()).getStatus());
    }

    @Test
    void authorizeThenCapture() throws ApiException {
        String invoice = GatewayApi.newInvoice();
        ApiResponse<Payment> authorized = payments.createPaymentWithHttpInfo(
                charge(invoice, 70000, PaymentRequest.PaymentTypeEnum.AUTHORIZE, NOT_ENROLLED)
                        .threeDsecureAuthenticationId(notEnrolled(invoice, 70000)), newKey());
        assertEquals(201, authorized.getStatusCode());
        assertEquals(PaymentStatus.AUTHORIZED, authorized.getData().getStatus());

        ApiResponse<Payment> captured = payments.capturePaymentWithHttpInfo(authorized.getData().getId(), newKey(),
                new CaptureRequest().amount(40000L));

        assertEquals(200, captured.getStatusCode());
        assertEquals(PaymentStatus.SUCCEEDED, captured.getData().getStatus());
        assertEquals(40000L, captured.getData().getCapturedAmount());
        assertEquals(OperationStatus.SUCCEEDED, captured.getData().getCaptures().get(0).getStatus());
    }

    @Test
    void saleThenRefund() throws ApiException {
        String invoice = GatewayApi.newInvoice();
        Payment sale = payments.createPayment(charge(invoice, 50000, PaymentRequest.PaymentTypeEnum.SALE, NOT_ENROLLED)
                .threeDsecureAuthenticationId(notEnrolled(invoice, 50000)), newKey());
        assertEquals(PaymentStatus.SUCCEEDED, sale.getStatus());
        emulator.settle(invoice); // before settlement DOKU only voids in full

        ApiResponse<Refund> refunded = payments.refundPaymentWithHttpInfo(sale.getId(),
                new RefundRequest().amount(15000L).reason("returned"), newKey());

        assertEquals(201, refunded.getStatusCode());
        assertEquals(OperationStatus.SUCCEEDED, refunded.getData().getStatus());
        assertEquals(15000L, refunded.getData().getAmount());
        Payment after = payments.getPayment(sale.getId());
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, after.getStatus());
        assertEquals(15000L, after.getRefundedAmount());
    }

    @Test
    void aRefusalArrivesAsAnApiExceptionWithTheProblem() {
        PaymentRequest noInvoice = new PaymentRequest().amount(1000L)
                .customer(new Customer().email("anton@example.com"));

        ApiException refused = assertThrows(ApiException.class,
                () -> payments.createPayment(noInvoice, newKey()));

        assertEquals(400, refused.getCode());
        assertTrue(refused.getResponseBody().contains("invoice_number"), refused.getResponseBody());
    }

    /** A card the issuer does not enrol: its authentication is NOT_ENROLLED at once, no challenge. */
    private String notEnrolled(String invoice, long amount) throws ApiException {
        ThreeDSecure authentication = threeDSecure.createThreeDSecure(new ThreeDSecureRequest()
                .invoiceNumber(invoice)
                .amount(amount)
                .card(new ThreeDSecureRequestCard().number(NOT_ENROLLED).expiry("1230"))
                .returnUrl(URI.create(ThreeDSecureFlow.RETURN_URL)), newKey());
        assertEquals(ThreeDSecureStatus.NOT_ENROLLED, authentication.getStatus());
        return authentication.getId();
    }

    private static PaymentRequest charge(String invoice, long amount, PaymentRequest.PaymentTypeEnum type, String card) {
        return new PaymentRequest()
                .flow(PaymentRequest.FlowEnum.CHARGE)
                .invoiceNumber(invoice)
                .amount(amount)
                .paymentType(type)
                .customer(new Customer().id("CUST-2").name("Anton Budiman").email("anton@example.com"))
                .card(new CardInput().number(card).expiry("1230").cvv("123"));
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    /**
     * The customer's browser, back from the issuer at the gateway: answers where the gateway sends it
     * (303). The gateway's public URL differs in tests, so only its path goes to the test port.
     */
    private static String browserReturn(String gatewayReturnUrl) throws IOException, InterruptedException {
        URI uri = URI.create(gatewayReturnUrl);
        URI local = URI.create("http://localhost:" + TestPorts.api() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        HttpResponse<Void> answer = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(local).GET().build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(303, answer.statusCode());
        return answer.headers().firstValue("Location").orElseThrow();
    }
}
