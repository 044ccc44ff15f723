package com.example.dokuemulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What processing one API request produced: the answer, the invoice it concerned (for the request
 * log), whether it changed anything (for {@code effects}) and the notifications to send.
 */
record Outcome(int status, JsonNode body, String invoiceNumber, boolean effect, List<Notification> notifications) {

    static Outcome read(JsonNode body, String invoiceNumber) {
        return new Outcome(200, body, invoiceNumber, false, List.of());
    }

    static Outcome changed(JsonNode body, String invoiceNumber, List<Notification> notifications) {
        return new Outcome(200, body, invoiceNumber, true, notifications);
    }

    static Outcome rejected(EmulatorRejection rejection, String invoiceNumber) {
        return new Outcome(rejection.status(), rejection.body(), invoiceNumber, false, List.of());
    }
}
