package com.example.gateway.api;

import com.example.gateway.webhook.DevWebhookInbox;
import java.net.URI;
import java.util.List;

/** The dev inbox as one plain HTML page; every value from outside is escaped. */
final class DevWebhookInboxPage {

    private DevWebhookInboxPage() {
    }

    static String render(URI receivingUrl, List<DevWebhookInbox.Delivery> received) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
                <title>Webhook inbox</title>
                <style>body{font-family:sans-serif;margin:2em}pre{background:#f4f4f4;padding:.5em;white-space:pre-wrap}
                .valid{color:#080}.invalid{color:#b00}</style></head><body>
                <h1>Webhook inbox (development)</h1>
                """);
        html.append("<p>Receiving URL: <code>").append(escape(receivingUrl.toString())).append("</code></p>\n")
                .append("<form method=\"post\" action=\"register\">Register it as a webhook endpoint of client ")
                .append("<input name=\"client\" value=\"dev\"> <button>Register</button></form>\n")
                .append("<p>").append(received.size()).append(" received, newest first (this page refreshes itself).</p>\n");
        for (DevWebhookInbox.Delivery delivery : received) {
            String css = delivery.signatureCheck().equals("valid") ? "valid" : "invalid";
            html.append("<h3>").append(escape(delivery.receivedAt().toString())).append(" &middot; ")
                    .append(escape(String.valueOf(delivery.webhookId()))).append("</h3>\n<p>signature: <span class=\"")
                    .append(css).append("\">").append(escape(delivery.signatureCheck())).append("</span>, webhook-timestamp ")
                    .append(escape(String.valueOf(delivery.timestamp()))).append("</p>\n<pre>")
                    .append(escape(delivery.body())).append("</pre>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
