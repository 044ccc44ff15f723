package com.example.dokuemulator;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The hosted payment page's templates (src/main/resources/templates/PageTemplates), HTML-escaped by Qute. */
@CheckedTemplate(basePath = "PageTemplates")
final class PageTemplates {

    private PageTemplates() {
    }

    /** The card form; {@code offered} (nullable) is a saved card, {@code error} (nullable) why the last try was refused. */
    static native TemplateInstance form(PageView page, SavedCard offered, String error, List<TestCard> cards);

    /** The 3-D Secure step: the issuer asks for a one-time code. */
    static native TemplateInstance challenge(PageView page, String issuer, String maskedCard, String challengeId,
            String challengeAction);

    /**
     * The issuer's 3-D Secure challenge of the host-to-host flow (check 3-D Secure, then charge): the
     * cardholder passes, fails or abandons it. {@code answered} (nullable) says why it cannot be answered.
     */
    static native TemplateInstance issuerChallenge(PageView page, String issuer, String authenticationId,
            String answered);

    /** The outcome, for a page paid without a redirect URL or visited again. */
    static native TemplateInstance result(PageView page, String note);

    static native TemplateInstance notFound(String session);
}
