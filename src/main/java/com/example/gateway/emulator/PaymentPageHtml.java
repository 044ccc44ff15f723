package com.example.gateway.emulator;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The payment page's HTML: plain forms, no script, the test cards printed on it. Nothing typed by
 * the customer is ever echoed back.
 */
final class PaymentPageHtml {

    private PaymentPageHtml() {
    }

    /** The card form, with the saved card first when the page offers one, and an error if the last try was refused. */
    static String form(TransactionSnapshot t, Optional<SavedCard> offered, String error) {
        StringBuilder html = new StringBuilder(head("DOKU emulator - pay " + t.invoiceNumber()));
        html.append(summary(t));
        if (error != null) {
            html.append("<p class=\"error\">").append(escape(error)).append("</p>\n");
        }
        offered.ifPresent(saved -> html.append("<form method=\"post\">\n")
                .append("<input type=\"hidden\" name=\"use_token\" value=\"true\">\n")
                .append("<p>Saved card: <strong>").append(escape(saved.maskedCard())).append("</strong> (")
                .append(escape(saved.brand())).append(", ").append(escape(saved.issuer())).append(")</p>\n")
                .append("<button type=\"submit\">Pay with saved card</button>\n</form>\n<p>or a new card:</p>\n"));
        html.append("""
                <form method="post">
                <p><label>Card number <input name="card_number" inputmode="numeric" autocomplete="cc-number" required></label></p>
                <p><label>Expiry (MMYY) <input name="expiry" size="4" maxlength="4" autocomplete="cc-exp" required></label></p>
                <p><label>CVV <input name="cvv" size="4" maxlength="4" autocomplete="cc-csc"></label></p>
                <button type="submit">Pay</button>
                </form>
                """);
        html.append(testCards());
        return html.append("</body></html>\n").toString();
    }

    /** The outcome, for a page paid without a callback URL or visited again. */
    static String result(TransactionSnapshot t, String note) {
        StringBuilder html = new StringBuilder(head("DOKU emulator - " + t.status()));
        html.append(summary(t));
        html.append("<p>Status: <strong id=\"status\">").append(escape(t.status())).append("</strong>");
        if (t.responseCode() != null) {
            html.append(" (").append(escape(t.responseCode())).append(" ").append(escape(t.responseMessage())).append(")");
        }
        html.append("</p>\n");
        if (t.maskedCard() != null) {
            html.append("<p>Card: ").append(escape(t.maskedCard())).append("</p>\n");
        }
        if (note != null) {
            html.append("<p>").append(escape(note)).append("</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    static String notFound(String session) {
        return head("DOKU emulator - not found") + "<p>No payment page " + escape(session) + ".</p>\n</body></html>\n";
    }

    private static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>\n"
                + "<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}.error{color:#b00}"
                + "td,th{padding:0 .6em;text-align:left}</style></head><body>\n"
                + "<h1>DOKU emulator</h1>\n";
    }

    private static String summary(TransactionSnapshot t) {
        return "<p>Invoice <strong id=\"invoice\">" + escape(t.invoiceNumber()) + "</strong>, amount <strong id=\"amount\">IDR "
                + NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID")).format(t.amount()) + "</strong> ("
                + escape(t.paymentType()) + ")</p>\n";
    }

    private static String testCards() {
        StringBuilder html = new StringBuilder("<h2>Test cards</h2>\n<p>Any future expiry (MMYY), any 3-digit CVV.</p>\n"
                + "<table><tr><th>Number</th><th>Brand</th><th>Issuer</th><th>Result</th></tr>\n");
        for (TestCard card : TestCard.values()) {
            html.append("<tr><td>").append(card.number()).append("</td><td>").append(card.brand())
                    .append("</td><td>").append(escape(card.issuer())).append("</td><td>")
                    .append(card.approves() ? "approved" : "declined " + card.responseCode() + " " + card.responseMessage())
                    .append("</td></tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
