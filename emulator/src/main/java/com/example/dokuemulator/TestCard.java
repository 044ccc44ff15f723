package com.example.dokuemulator;

import java.util.Arrays;
import java.util.Optional;

/**
 * The cards the emulator knows, printed on its payment page too. Any future MMYY expiry and any
 * 3-digit CVV are accepted; every other well-formed number is declined as an invalid card.
 */
public enum TestCard {

    VISA_APPROVED("4111111111111111", "VISA", "BCA", "BCA", TestCard.APPROVED, "PAYMENT APPROVED"),
    MASTER_APPROVED("5573381011111101", "MASTER", "Bank Mandiri", "BANK_MANDIRI", TestCard.APPROVED, "PAYMENT APPROVED"),
    DO_NOT_HONOR("4000000000000002", "VISA", "BRI", "BRI", "05", "DO NOT HONOR"),
    INSUFFICIENT_FUNDS("4000000000009995", "VISA", "BNI", "BNI", "51", "INSUFFICIENT FUNDS"),
    THREE_DS_FAILURE("4000000000003063", "VISA", "CIMB Niaga", "BANK_CIMB", "3DS_FAILED", "3D SECURE AUTHENTICATION FAILED");

    /** DOKU's response code for an approved payment. */
    public static final String APPROVED = "00";

    private final String number;
    private final String brand;
    private final String issuer;
    private final String acquirer;
    private final String responseCode;
    private final String responseMessage;

    TestCard(String number, String brand, String issuer, String acquirer, String responseCode, String responseMessage) {
        this.number = number;
        this.brand = brand;
        this.issuer = issuer;
        this.acquirer = acquirer;
        this.responseCode = responseCode;
        this.responseMessage = responseMessage;
    }

    public static Optional<TestCard> byNumber(String number) {
        return Arrays.stream(values()).filter(card -> card.number.equals(number)).findFirst();
    }

    public String number() {
        return number;
    }

    public String masked() {
        return TestCards.mask(number);
    }

    public String brand() {
        return brand;
    }

    public String issuer() {
        return issuer;
    }

    /** All test cards are credit cards. */
    public String type() {
        return "CREDIT";
    }

    /** DOKU's acquirer id, as in {@code acquirer.id} of a notification. */
    public String acquirer() {
        return acquirer;
    }

    public boolean approves() {
        return APPROVED.equals(responseCode);
    }

    public String responseCode() {
        return responseCode;
    }

    public String responseMessage() {
        return responseMessage;
    }

    /** What paying with this card does, as the payment page lists it. */
    public String outcome() {
        if (approves()) {
            return "approved";
        }
        return this == THREE_DS_FAILURE ? "fails 3-D Secure" : "declined " + responseCode + " " + responseMessage;
    }
}
