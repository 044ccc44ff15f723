package com.example.gateway.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What binding saved cards adds to a payment, measured (and printed, {@code [customer-cost]}; nothing is
 * asserted about time): the DOKU customer id of a known customer (from the replica's cache; one
 * primary-key read the first time the replica meets the customer), of a new one (that read and the upsert, once per customer), and the token check of
 * a payment with {@code card.token} (one join).
 */
@QuarkusTest
class DokuCustomerLookupCostTest {

    private static final int WARM_UP = 100;
    private static final int MEASURED = 400;

    @Inject
    SavedCardBindings bindings;

    @Inject
    TestDatabase db;

    @Test
    void theAddedCostPerPayment() throws Throwable {
        String run = "COST-" + UUID.randomUUID().toString().substring(0, 8);
        String known = run + "-known";
        String knownId = await(() -> bindings.idOf("orders", known));
        long[] knownCustomer = new long[MEASURED];
        long[] newCustomer = new long[MEASURED];
        long[] tokenCheck = new long[MEASURED];
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            String fresh = run + "-" + i;
            long a = time(() -> assertEquals(knownId, await(() -> bindings.idOf("orders", known))));
            long b = time(() -> await(() -> bindings.idOf("orders", fresh)));
            long c = time(() -> await(() -> bindings.customer("orders", known)));
            if (i >= WARM_UP) {
                knownCustomer[i - WARM_UP] = a;
                newCustomer[i - WARM_UP] = b;
                tokenCheck[i - WARM_UP] = c;
            }
        }
        assertEquals(WARM_UP + MEASURED + 1, db.count("SELECT count(*) FROM doku_customers WHERE customer_id LIKE $1",
                run + "-%"), "one row per customer, however often it is asked for");
        System.out.printf("[customer-cost] %d runs each, median (mean): known customer %.2f ms (%.2f), new customer "
                        + "%.2f ms (%.2f), customer with bound tokens (token check, listing) %.2f ms (%.2f)%n",
                MEASURED, median(knownCustomer), mean(knownCustomer), median(newCustomer), mean(newCustomer),
                median(tokenCheck), mean(tokenCheck));
    }

    private static <T> T await(Supplier<Uni<T>> call) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(call);
    }

    private interface Step {
        void run() throws Throwable;
    }

    private static long time(Step step) throws Throwable {
        long start = System.nanoTime();
        step.run();
        return System.nanoTime() - start;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }
}
