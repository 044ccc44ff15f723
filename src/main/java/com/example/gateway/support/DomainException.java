package com.example.gateway.support;

/**
 * A request the domain refuses, said in words: a short title and a detail for the caller. Which
 * HTTP status and problem code each kind gets is the API's business, not the domain's.
 */
public abstract class DomainException extends RuntimeException {

    private final String title;

    protected DomainException(String title, String detail) {
        super(detail, null, false, false);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
