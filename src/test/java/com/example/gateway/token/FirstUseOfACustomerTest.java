package com.example.gateway.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Many payments naming a customer the gateway has not seen yet, at once (a client's first burst): each gets
 * the customer's one DOKU customer id, none fails. The upsert once named only the (client, customer) key as
 * its conflict target, so a race lost on the other unique key (the DOKU id itself) was an error and a 500
 * (seen in bench/run's first requests).
 */
@QuarkusTest
class FirstUseOfACustomerTest {

    private static final int AT_ONCE = 16;

    @Inject
    SavedCardBindings bindings;

    @Inject
    TestDatabase db;

    @Test
    void concurrentFirstUsesAllGetTheOneId() throws Throwable {
        for (int round = 0; round < 400; round++) {
            String customer = "FIRST-" + UUID.randomUUID();
            List<Uni<String>> firstUses = IntStream.range(0, AT_ONCE)
                    .mapToObj(i -> bindings.idOf("orders", customer)).toList();
            List<String> ids = VertxContextSupport.subscribeAndAwait(() -> Uni.join().all(firstUses).andCollectFailures());
            assertEquals(1, Set.copyOf(ids).size(), "one id for the customer: " + ids);
            assertEquals(1, db.count("SELECT count(*) FROM doku_customers WHERE customer_id = $1", customer));
        }
    }
}
