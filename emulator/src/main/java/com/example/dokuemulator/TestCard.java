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
    THREE_DS_FAILURE("4000000000003063", "VISA", "CIMB Niaga", "BANK_CIMB", "3DS_FAILED", "3D SECURE AUTHENTICATION FAILED"),
    /** Approved, and its issuer takes no part in 3-D Secure: check 3-D Secure answers enrollment_status false. */
    NOT_ENROLLED("4000000000000101", "VISA", "Bank Permata", "BANK_PERMATA", TestCard.APPROVED, "PAYMENT APPROVED");

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

    /** Whether the card's issuer takes part in 3-D Secure (asks the cardholder to authenticate). */
    public boolean enrolled() {
        return this != NOT_ENROLLED;
    }

    /** What paying with this card does, as the payment page lists it. */
    public String outcome() {
        if (this == NOT_ENROLLED) {
            return "approved, not enrolled in 3-D Secure";
        }
        if (approves()) {
            return "approved";
        }
        return this == THREE_DS_FAILURE ? "fails 3-D Secure" : "declined " + responseCode + " " + responseMessage;
    }
}
