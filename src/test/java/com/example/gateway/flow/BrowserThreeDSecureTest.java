package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 3-D Secure in a real browser: headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * over WebDriver) opens the payment's {@code authentication_url}, answers the issuer's challenge by
 * clicking, and follows the redirects through the gateway back to the shop. Skipped where Chromium is absent.
 */
@QuarkusTest
class BrowserThreeDSecureTest {

    /** Debian's paths; {@code -Dbrowser.chromium=…} and {@code -Dbrowser.chromedriver=…} point elsewhere. */
    private static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** The shop's pages the browser comes back to: each request's path and query, in order. */
    private static final List<String> SHOP_VISITS = new CopyOnWriteArrayList<>();
    private static HttpServer shop;

    @BeforeAll
    static void openShop() throws IOException {
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/", exchange -> {
            SHOP_VISITS.add(exchange.getRequestURI().toString());
            byte[] page = "<html><body><h1 id=\"shop\">Back at the shop</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        shop.start();
    }

    @AfterAll
    static void closeShop() {
        shop.stop(0);
    }

    /** Skipped where Chromium is absent, except in CI (.ci/run sets CI and installs it), where that fails. */
    @BeforeEach
    void needsChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String message = "Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "): "
                + "apt-get install -y chromium chromium-driver to run the browser test";
        assertTrue(present || System.getenv("CI") == null, message);
        assumeTrue(present, message);
    }

    @Test
    void theCustomerPassesTheChallengeAndThePaymentSucceeds() {
        String id = paymentAwaitingTheCustomer();
        inBrowser(browser -> {
            openChallenge(browser, id);
            browser.findElement(By.id("pass")).click();
            assertEquals(shopUrl("/done") + "?payment_id=" + id, arrivalAtShop(browser));
            assertTrue(browser.findElement(By.id("shop")).isDisplayed());
        });
        as(ORDERS).get("/v1/payments/" + id).then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"))
                .body("authentication_url", equalTo(null));
        assertEquals(List.of("/done?payment_id=" + id), SHOP_VISITS.stream().filter(v -> v.contains(id)).toList());
    }

    @Test
    void theCustomerFailsTheChallengeAndNothingIsCharged() {
        String id = paymentAwaitingTheCustomer();
        inBrowser(browser -> {
            openChallenge(browser, id);
            browser.findElement(By.id("fail")).click();
            assertEquals(shopUrl("/failed") + "?payment_id=" + id, arrivalAtShop(browser));
        });
        as(ORDERS).get("/v1/payments/" + id).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("failure_code", equalTo("authentication_failed"));
    }

    /** A SALE by saved card, which the gateway holds until the customer has answered the issuer. */
    private String paymentAwaitingTheCustomer() {
        String customer = "CUST-" + UUID.randomUUID();
        String token = create(ORDERS, """
                {"flow": "CHARGE", "payment_type": "MOTO", "invoice_number": "%s", "amount": 1000,
                 "customer": {"id": "%s"}, "card": {"number": "4111111111111111", "expiry": "1230", "save": true}}
                """.formatted(newInvoice(), customer)).statusCode(201).extract().path("card.token");
        return create(ORDERS, """
                {"flow": "CHARGE", "payment_type": "SALE", "invoice_number": "%s", "amount": 125000,
                 "customer": {"id": "%s"}, "card": {"token": "%s"}, "callback_url": "%s", "failed_url": "%s"}
                """.formatted(newInvoice(), customer, token, shopUrl("/done"), shopUrl("/failed"))).statusCode(201)
                .body("status", equalTo("REQUIRES_AUTHENTICATION"))
                .body("authentication_url", notNullValue())
                .extract().path("id");
    }

    private static void openChallenge(WebDriver browser, String paymentId) {
        String url = as(ORDERS).get("/v1/payments/" + paymentId).then().extract().path("authentication_url");
        browser.get(url);
        String page = browser.getPageSource();
        assertTrue(page.contains("3-D Secure verification"), "the issuer's challenge page");
        assertTrue(page.contains("411111******1111"), "the masked card");
        assertFalse(page.contains("4111111111111111"), "never the card number");
    }

    /** Waits until the redirects (issuer, gateway, shop) have brought the browser to the shop; answers the URL. */
    private static String arrivalAtShop(WebDriver browser) {
        new WebDriverWait(browser, PATIENCE).until(b -> b.getCurrentUrl().startsWith(shopUrl("/")));
        return browser.getCurrentUrl();
    }

    private static String shopUrl(String path) {
        return "http://127.0.0.1:" + shop.getAddress().getPort() + path;
    }

    private interface BrowserSteps {
        void run(WebDriver browser);
    }

    private static void inBrowser(BrowserSteps steps) {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().timeouts().pageLoadTimeout(PATIENCE);
            steps.run(browser);
        } finally {
            browser.quit();
        }
    }
}
