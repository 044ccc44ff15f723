package com.example.gateway.api;

/** One invalid request field: its JSON path ({@code line_items[1].price}) and what is wrong with it. */
public record FieldError(String field, String message) {
}
