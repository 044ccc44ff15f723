package com.example.dokuemulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * A stateful stand-in for DOKU's card API, kept in memory. The HTTP resources feed it; tests inject
 * it to script faults, look at what it received and did, and pay payment pages without a browser.
 */
@ApplicationScoped
public class DokuEmulator {

    private static final Logger LOG = Logger.getLogger(DokuEmulator.class);

    private final EmulatorClock clock;
    private final NotificationSender sender;
    private final TransactionBook book = new TransactionBook();
    private final CardTokens tokens = new CardTokens();
    private final EmulatorLedger ledger = new EmulatorLedger();
    private final EmulatorFaults faults = new EmulatorFaults();
    private final List<ReceivedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
    private final PaymentPages pages;
    private final Charges charges;
    private final ThreeDSecureIssuer issuer;
    private final Captures captures;
    private final Refunds refunds;
    private final TokenRequests tokenRequests;
    private final EmulatorSettings.Startup startup;

    DokuEmulator(EmulatorSettings settings, EmulatorClock clock, NotificationSender sender) {
        this.clock = clock;
        this.sender = sender;
        this.startup = settings.startup();
        CardPayments payments = new CardPayments(book, tokens, settings.notificationUrl());
        String publicUrl = settings.publicUrl().replaceAll("/+$", "");
        this.pages = new PaymentPages(book, tokens, payments, publicUrl);
        this.issuer = new ThreeDSecureIssuer(tokens, publicUrl);
        this.charges = new Charges(book, tokens, payments, issuer);
        this.captures = new Captures(book);
        this.refunds = new Refunds(book, payments);
        this.tokenRequests = new TokenRequests(tokens);
        applyStartupFaults();
    }

    // ------------------------------------------------------------------ for tests and developers

    /**
     * Forgets everything (transactions, tokens, ledger, requests and notifications), puts its clock
     * back to real time and the faults back as configured at start ({@code emulator.startup.*}).
     */
    public void reset() {
        book.clear();
        tokens.clear();
        ledger.clear();
        requests.clear();
        challenges.clear();
        issuer.clear();
        clock.offset(Duration.ZERO);
        sender.clear();
        applyStartupFaults();
    }

    private void applyStartupFaults() {
        faults.clear();
        startup.faults().forEach((operation, scripted) -> faults.script(operation, scripted.toArray(EmulatorFault[]::new)));
        faults.retryAfter("none".equalsIgnoreCase(startup.retryAfter()) ? null : startup.retryAfter());
        EmulatorSettings.Chaos chaos = startup.chaos();
        faults.chaos(new EmulatorChaos.Settings(chaos.seed(), chaos.rate(),
                chaos.faults().orElse(EnumSet.allOf(EmulatorFault.class)),
                chaos.operations().orElse(EnumSet.allOf(Operation.class))));
    }

    /**
     * Queues faults for an operation, consumed in order, one per incoming request of that operation
     * (or, for DUPLICATE_NOTIFICATION and HOLD_NOTIFICATION, one per notification it sends; page
     * payments send theirs as PAYMENT_PAGE).
     */
    public void scriptFaults(Operation operation, EmulatorFault... scripted) {
        faults.script(operation, scripted);
    }

    /** The faults still queued for an operation. */
    public List<EmulatorFault> pendingFaults(Operation operation) {
        return faults.pending(operation);
    }

    /** Every API request received, in arrival order (payment page browser traffic is not included). */
    public List<ReceivedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<ReceivedRequest> requests(Operation operation) {
        return requests.stream().filter(r -> r.operation() == operation).toList();
    }

    /** How many times a Request-Id changed something: 0 or 1 unless idempotency is broken. */
    public int effects(String requestId) {
        return ledger.effects(requestId);
    }

    /** A transaction by invoice number or by the Request-Id it was created with. */
    public Optional<TransactionSnapshot> transaction(String invoiceOrRequestId) {
        return book.byInvoiceOrRequestId(invoiceOrRequestId).map(EmulatedTransaction::snapshot);
    }

    /** Every answered Request-Id and every transaction, for invariant checks. */
    public LedgerReadout ledgerReadout() {
        return LedgerReadout.of(ledger.entries(), book.all().stream().map(EmulatedTransaction::snapshot).toList());
    }

    /**
     * Makes check status report {@code status} (EXPIRED, TIMEOUT or REDIRECT) for a transaction, as
     * time or the customer would. Fails with {@link NoSuchElementException} for an unknown invoice,
     * {@link IllegalArgumentException} for another status and {@link IllegalStateException} when the
     * transaction's state does not allow it (see {@link EmulatedTransaction#forceStatus}).
     */
    public TransactionSnapshot forceStatus(String invoiceNumber, String status) {
        EmulatedTransaction transaction = book.byInvoice(invoiceNumber)
                .orElseThrow(() -> new NoSuchElementException("no transaction with invoice " + invoiceNumber));
        transaction.forceStatus(status, clock.instant());
        return transaction.snapshot();
    }

    /** Sets how far the emulator's time runs ahead of real time (see {@link EmulatorClock}); answers its time now. */
    public Instant clockOffset(Duration offset) {
        clock.offset(offset);
        return clock.instant();
    }

    /**
     * The Retry-After of the 429 and 503 faults from now on (until {@link #reset}): delta-seconds
     * such as {@code "3"}, an HTTP-date, or {@code null} for no header. The default is {@code "1"}.
     */
    public void retryAfter(String value) {
        faults.retryAfter(value);
    }

    /**
     * Turns on random faults: each later request of {@code operations} (and each notification they
     * send) gets, with probability {@code rate}, one of {@code faults} drawn from a generator seeded
     * with {@code seed}; scripted faults still come first. Rate 0 turns it off, as does {@link #reset}.
     */
    public void chaos(long seed, double rate, Set<EmulatorFault> faultsToDraw, Set<Operation> operations) {
        faults.chaos(new EmulatorChaos.Settings(seed, rate, faultsToDraw, operations));
    }

    public void stopChaos() {
        faults.chaos(null);
    }

    Optional<EmulatorChaos.Settings> chaosSettings() {
        return faults.chaos();
    }

    /** Sends every held notification now, the last held first; emits the deliveries in order. */
    public Uni<List<SentNotification>> releaseHeldNotifications() {
        return sender.releaseHeld();
    }

    /** Marks a transaction settled: from now on a refund is a FULL_ or PARTIAL_REFUND, not a VOID. */
    public void settle(String invoiceNumber) {
        book.byInvoice(invoiceNumber)
                .orElseThrow(() -> new NoSuchElementException("no transaction with invoice " + invoiceNumber))
                .settle();
    }

    public List<SavedCard> savedCards(String customerId) {
        return tokens.of(customerId);
    }

    /** Every notification delivery attempt, in order. */
    public List<SentNotification> notifications() {
        return sender.sent();
    }

    public List<SentNotification> notifications(String invoiceNumber) {
        return sender.sent().stream().filter(n -> invoiceNumber.equals(n.invoiceNumber())).toList();
    }

    /**
     * Sends a stored notification (a held one, or any sent before) again, with its Request-Id and body
     * and a fresh signature. Emits the gateway's HTTP status, 0 if it did not answer.
     */
    public Uni<Integer> resendNotification(String notificationRequestId) {
        return sender.resend(notificationRequestId);
    }

    /**
     * Pays a payment page as a customer would with the form (same code path), with an expiry two
     * years ahead and CVV 123. Fails with {@link EmulatorRejection} for an unknown session (404), a
     * page already paid (409) or a malformed card number (400).
     */
    public Uni<PagePaymentResult> pay(String sessionIdOrInvoice, String cardNumber) {
        String expiry = String.format("12%02d", (Year.now(clock).getValue() + 2) % 100);
        return pay(sessionIdOrInvoice, cardNumber, expiry, "123");
    }

    public Uni<PagePaymentResult> pay(String sessionIdOrInvoice, String cardNumber, String expiry, String cvv) {
        return payOnPage(sessionIdOrInvoice, new PageCardInput(cardNumber, expiry, cvv, false));
    }

    /** Pays with the saved card the payment page request named in {@code card.token}. */
    public Uni<PagePaymentResult> payWithSavedCard(String sessionIdOrInvoice) {
        return payOnPage(sessionIdOrInvoice, PageCardInput.savedCard());
    }

    /**
     * Answers the issuer's 3-D Secure challenge as the cardholder would on its page (same code path);
     * answers the callback URL the browser is sent to. Fails with {@link EmulatorRejection}: 404 for an
     * unknown authentication id, 409 for a challenge already answered.
     */
    public String answerThreeDSecure(String authenticationId, ChallengeResult result) {
        return issuer.complete(authenticationId, result, clock.instant());
    }

    // ------------------------------------------------------------------ for the resources

    /** The authentication behind an issuer challenge page, if it was issued. */
    Optional<ThreeDSecureAuthentication> authentication(String authenticationId) {
        return issuer.find(authenticationId);
    }

    EmulatorLedger ledger() {
        return ledger;
    }

    EmulatorFaults faults() {
        return faults;
    }

    void record(ReceivedRequest request) {
        requests.add(request);
    }

    /** Processes one authenticated API request; a refusal becomes DOKU's error answer. */
    Outcome process(Operation operation, String requestId, byte[] rawBody, String pathId) {
        JsonNode body = null;
        try {
            if (operation != Operation.CHECK_STATUS) {
                body = EmulatorJson.parseObject(rawBody);
            }
            IncomingRequest request = new IncomingRequest(requestId, body, pathId, clock.instant());
            return switch (operation) {
                case PAYMENT_PAGE -> pages.create(request);
                case CHECK_THREE_D_SECURE -> issuer.check(request);
                case CHARGE -> charges.charge(request);
                case CAPTURE -> captures.capture(request);
                case REFUND -> refunds.refund(request);
                case CHECK_STATUS -> checkStatus(request);
                case LIST_TOKENS -> tokenRequests.list(request);
                case DELETE_TOKEN -> tokenRequests.delete(request);
            };
        } catch (EmulatorRejection rejection) {
            return Outcome.rejected(rejection, body == null ? pathId : RequestFields.text(body, "order.invoice_number"));
        }
    }

    /** Sends notifications in the background: the API answer does not wait for the gateway. */
    void dispatch(List<Notification> notifications) {
        for (Notification notification : notifications) {
            sender.deliver(notification, faults.nextForNotification(notification.operation()))
                    .subscribe().with(sent -> { }, failure -> LOG.warn("DOKU emulator notification failed", failure));
        }
    }

    /** The page behind a session (or invoice), with the saved card it offers. */
    Optional<OpenPage> page(String sessionIdOrInvoice) {
        return book.bySessionOrInvoice(sessionIdOrInvoice)
                .map(t -> new OpenPage(t.snapshot(), pages.offeredCard(t)));
    }

    record OpenPage(TransactionSnapshot transaction, Optional<SavedCard> offeredCard) {
    }

    /**
     * The payment page's submit: completes the payment, sends the notification and waits for the
     * gateway's answer before telling where to redirect the customer. A card whose issuer asks for
     * 3-D Secure is judged the same way here: this is the shortcut that skips the challenge page.
     */
    Uni<PagePaymentResult> payOnPage(String sessionIdOrInvoice, PageCardInput input) {
        return completePage(sessionIdOrInvoice, transaction -> pages.judge(transaction, input, clock.instant()));
    }

    /**
     * The first step of the form's submit: when the card's issuer asks for 3-D Secure, the verdict is
     * kept (never the card data) under a new challenge id for {@link #completeChallenge}; else empty.
     */
    Optional<Challenge> challengeFor(String sessionIdOrInvoice, PageCardInput input) {
        EmulatedTransaction transaction = openTransaction(sessionIdOrInvoice);
        PaymentPages.Verdict verdict = pages.judge(transaction, input, clock.instant());
        if (!verdict.needsChallenge()) {
            return Optional.empty();
        }
        Challenge challenge = new Challenge(EmulatorIds.session(), transaction.snapshot().sessionId(), verdict);
        challenges.put(challenge.id(), challenge);
        return Optional.of(challenge);
    }

    /** The 3-D Secure step answered: the payment completes with the verdict kept for the challenge. */
    Uni<PagePaymentResult> completeChallenge(String session, String challengeId) {
        Challenge challenge = challengeId == null ? null : challenges.get(challengeId);
        if (challenge == null || !challenge.session().equals(openTransaction(session).snapshot().sessionId())) {
            return Uni.createFrom().failure(EmulatorRejection.invalidParameter("this 3-D Secure step has expired; pay again"));
        }
        challenges.remove(challengeId);
        return completePage(session, transaction -> challenge.verdict());
    }

    /** A pending 3-D Secure step: the page session and the verdict to complete it with. */
    record Challenge(String id, String session, PaymentPages.Verdict verdict) {
    }

    private Uni<PagePaymentResult> completePage(String sessionIdOrInvoice,
            Function<EmulatedTransaction, PaymentPages.Verdict> judge) {
        return Uni.createFrom().item(() -> {
                    EmulatedTransaction transaction = openTransaction(sessionIdOrInvoice);
                    PaymentPages.Paid paid = pages.complete(transaction, judge.apply(transaction), clock.instant());
                    TransactionSnapshot t = paid.transaction();
                    LOG.infof("DOKU emulator page payment %s with %s -> %s %s", t.invoiceNumber(), t.maskedCard(),
                            t.status(), t.responseCode());
                    return paid;
                })
                .chain(paid -> sender.deliver(paid.notification(), faults.nextForNotification(Operation.PAYMENT_PAGE))
                        .map(sent -> new PagePaymentResult(paid.transaction(), paid.redirectUrl(), sent)));
    }

    private EmulatedTransaction openTransaction(String sessionIdOrInvoice) {
        return book.bySessionOrInvoice(sessionIdOrInvoice)
                .orElseThrow(() -> EmulatorRejection.notFound("no payment page " + sessionIdOrInvoice));
    }

    /**
     * Check status by invoice number or by the Request-Id the payment was created with; also, for the
     * gateway's reconciliation of a capture or refund whose answer it lost, by that operation's Request-Id.
     */
    private Outcome checkStatus(IncomingRequest request) {
        String id = request.pathId();
        Optional<TransactionSnapshot> payment = book.byInvoiceOrRequestId(id).map(EmulatedTransaction::snapshot);
        if (payment.isPresent()) {
            return Outcome.read(TransactionJson.statusReport(payment.get()), payment.get().invoiceNumber());
        }
        TransactionSnapshot t = book.byOperationRequestId(id).map(EmulatedTransaction::snapshot)
                .orElseThrow(() -> EmulatorRejection.notFound("no transaction " + id));
        return Outcome.read(TransactionJson.operationStatusReport(t, id), t.invoiceNumber());
    }
}
