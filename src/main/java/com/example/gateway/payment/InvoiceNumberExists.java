package com.example.gateway.payment;

import com.example.gateway.support.DomainException;

/** Another payment already has this invoice number. */
public final class InvoiceNumberExists extends DomainException {

    public InvoiceNumberExists() {
        super("Invoice number already used", "Another payment already has this invoice_number");
    }
}
