package com.example.gateway.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.support.DerivedKeys;
import org.junit.jupiter.api.Test;

class ProviderCustomerIdsTest {

    private final ProviderCustomerIds ids = new ProviderCustomerIds(new DerivedKeys("a master key of at least 32 characters"));

    @Test
    void oneIdPerClientAndCustomerWithinDokusFiftyCharacters() {
        String id = ids.derive("orders", "CUST-42");
        assertEquals(id, ids.derive("orders", "CUST-42"), "the same customer, the same id");
        assertTrue(id.matches("gw1-[0-9a-f]{40}"), id);
        assertTrue(id.length() <= 50);
        assertNotEquals(id, ids.derive("subscriptions", "CUST-42"), "another client's customer of the same id");
        assertNotEquals(id, ids.derive("orders", "CUST-43"));
        assertTrue(ids.derive("orders", "Ĉ".repeat(50)).length() <= 50, "any customer id, however long");
    }

    @Test
    void theClientAndTheCustomerIdCannotTradeCharacters() {
        assertNotEquals(ids.derive("ab", "c"), ids.derive("a", "bc"));
    }

    @Test
    void anotherMasterKeyDerivesAnotherId() {
        ProviderCustomerIds other = new ProviderCustomerIds(new DerivedKeys("another master key, also 32 characters"));
        assertNotEquals(ids.derive("orders", "CUST-42"), other.derive("orders", "CUST-42"));
    }
}
