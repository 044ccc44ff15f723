package com.example.gateway.payment;

import com.example.gateway.support.DomainException;

/** A refund of more than is refundable now, or a void of less than the whole authorization. */
public final class AmountExceedsRefundable extends DomainException {

    private AmountExceedsRefundable(String title, String detail) {
        super(title, detail);
    }

    public static AmountExceedsRefundable atMost(long refundable) {
        return new AmountExceedsRefundable("Amount exceeds what is refundable",
                "At most " + Math.max(refundable, 0) + " can be refunded now");
    }

    public static AmountExceedsRefundable voidOfLessThan(long authorized) {
        return new AmountExceedsRefundable("Void must be for the full amount",
                "An authorization is voided whole: " + authorized);
    }
}
