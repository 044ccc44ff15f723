package com.example.gateway.api;

import static com.example.gateway.payment.PaymentFlow.CHARGE;
import static com.example.gateway.payment.PaymentFlow.PAYMENT_PAGE;
import static com.example.gateway.payment.PaymentType.AUTHORIZE;
import static com.example.gateway.payment.PaymentType.INSTALLMENT;
import static com.example.gateway.payment.PaymentType.MOTO;
import static com.example.gateway.payment.PaymentType.SALE;

import com.example.gateway.payment.NewPayment;
import com.example.gateway.payment.NewPayment.Card;
import com.example.gateway.payment.NewPayment.Customer;
import com.example.gateway.payment.NewPayment.Disclaimer;
import com.example.gateway.payment.NewPayment.LineItem;
import com.example.gateway.payment.NewPayment.Promo;
import com.example.gateway.payment.NewPayment.Theme;
import com.example.gateway.payment.PaymentFlow;
import com.example.gateway.payment.PaymentType;
import com.example.gateway.support.CardNumbers;
import com.example.gateway.support.Ids;
import com.example.gateway.webhook.AllowedHosts;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the body of {@code POST /v1/payments} (see API.md, "Payments") and maps it to a
 * {@link NewPayment}. Every invalid field is reported at once; messages never contain submitted values.
 */
public final class PaymentRequestReader {

    private static final String[] FIELDS = {"flow", "invoice_number", "amount", "payment_type", "auto_capture",
        "acquirer", "tenor", "line_items", "customer", "callback_url", "failed_url", "auto_redirect", "descriptor",
        "card", "three_dsecure_authentication_id", "theme", "promos", "allow_bins", "allow_tenors", "disclaimer",
        "override_notification_url", "metadata"};

    private static final List<PaymentFlow> FLOWS = List.of(PaymentFlow.values());
    private static final List<PaymentType> PAGE_TYPES = List.of(PaymentType.values());
    private static final List<PaymentType> CHARGE_TYPES = List.of(SALE, MOTO, AUTHORIZE);
    private static final List<String> ACQUIRERS = List.of("BNI", "BRI", "BANK_CIMB", "BANK_MANDIRI", "BCA",
            "BANK_PERMATA", "DANAMON", "BUKOPIN", "HSBC", "OCBC_NISP");
    private static final List<String> LANGUAGES = List.of("EN", "ID");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private static final int MAX_URL_LENGTH = 2048;
    static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]*");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final Pattern PHONE = Pattern.compile("[1-9][0-9]{7,15}");
    private static final Pattern HEX_COLOR = Pattern.compile("[0-9A-Fa-f]{6}");
    private static final Pattern BIN = Pattern.compile("[0-9]{6,8}");
    static final Pattern CARD_NUMBER = Pattern.compile("[0-9]{12,19}");
    static final Pattern EXPIRY = Pattern.compile("(0[1-9]|1[0-2])[0-9]{2}");
    private static final Pattern CVV = Pattern.compile("[0-9]{3,4}");

    private static final String ONLY_FOR_CHARGE = "is only allowed for the CHARGE flow";

    private final JsonFieldReader body;
    private final AllowedHosts notificationHosts;
    /** Null when invalid: the rules that depend on it are then skipped. */
    private final PaymentFlow flow;
    /** Null when invalid: the rules that depend on it are then skipped. */
    private final PaymentType type;
    private final Long amount;

    private PaymentRequestReader(JsonNode json, AllowedHosts notificationHosts) {
        body = JsonFieldReader.root(json, FIELDS);
        this.notificationHosts = notificationHosts;
        JsonFieldReader flowField = body.field("flow");
        flow = flowField.isPresent() ? flowField.enumValue(FLOWS) : PAYMENT_PAGE;
        JsonFieldReader typeField = body.field("payment_type");
        type = typeField.isPresent() ? typeField.enumValue(flow == CHARGE ? CHARGE_TYPES : PAGE_TYPES) : SALE;
        amount = body.required("amount").money();
    }

    /**
     * The validated request, or a {@link ValidationException} listing every invalid field.
     *
     * @param notificationHosts the hosts {@code override_notification_url} may name
     */
    public static NewPayment read(JsonNode json, AllowedHosts notificationHosts) {
        return new PaymentRequestReader(json, notificationHosts).read();
    }

    private NewPayment read() {
        if (!body.isPresent()) {
            body.throwIfInvalid(); // not a JSON object: its one error says it all
        }
        String acquirer = body.field("acquirer")
                .requireWhen(type == INSTALLMENT, "is required for INSTALLMENT payments")
                .oneOf(ACQUIRERS, "must be one of " + String.join(", ", ACQUIRERS));
        String invoiceNumber = body.required("invoice_number")
                .text(1, "BANK_MANDIRI".equals(acquirer) ? 27 : 64, PRINTABLE_ASCII.asMatchPredicate(),
                        "must contain printable ASCII characters only");
        Integer tenor = body.field("tenor")
                .requireWhen(type == INSTALLMENT, "is required for INSTALLMENT payments")
                .integer(1, 60);
        Boolean autoCapture = body.field("auto_capture")
                .forbidWhen(type != null && type != AUTHORIZE, "is only allowed with payment_type AUTHORIZE")
                .bool();
        boolean autoRedirect = Boolean.TRUE.equals(body.field("auto_redirect").bool());
        String callbackUrl = webUrl(body.field("callback_url")
                .requireWhen(autoRedirect, "is required when auto_redirect is true"));
        String failedUrl = webUrl(body.field("failed_url"));
        String descriptor = body.field("descriptor")
                .text(1, 25, PRINTABLE_ASCII.asMatchPredicate(), "must contain printable ASCII characters only");
        List<LineItem> lineItems = lineItems();
        Card card = card();
        String threeDSecureId = threeDSecureId(card, callbackUrl);
        Customer customer = customer(card);
        Theme theme = theme();
        List<Promo> promos = body.field("promos").arrayOrNone(this::promo);
        List<String> allowBins = body.field("allow_bins").arrayOrNone(bin -> bin.matching(BIN, "must be 6 to 8 digits"));
        List<Integer> allowTenors = body.field("allow_tenors").arrayOrNone(tenorValue -> tenorValue.integer(1, 60));
        Disclaimer disclaimer = disclaimer();
        String overrideNotificationUrl = notificationUrl(body.field("override_notification_url"));
        Map<String, String> metadata = PaymentMetadataRules.read(body.field("metadata"));

        body.throwIfInvalid();
        return new NewPayment(invoiceNumber, amount, flow, type, autoCapture, acquirer, tenor, lineItems, customer,
                callbackUrl, failedUrl, autoRedirect, descriptor, card, threeDSecureId, theme, promos, allowBins,
                allowTenors, disclaimer, overrideNotificationUrl, metadata);
    }

    /**
     * The 3-D Secure authentication a SALE or AUTHORIZE charge pays with ({@code tds_…}, from
     * POST /v1/three-d-secure). Required for a card number, whose data the gateway never keeps between
     * calls; optional for a saved card's token, whose check the gateway then makes itself, sending the
     * customer back to {@code callback_url}. MOTO needs none and takes none.
     */
    private String threeDSecureId(Card card, String callbackUrl) {
        boolean authenticated = flow == CHARGE && (type == SALE || type == AUTHORIZE);
        boolean byToken = card != null && card.token() != null;
        JsonFieldReader field = body.field("three_dsecure_authentication_id")
                .forbidWhen(flow == PAYMENT_PAGE, ONLY_FOR_CHARGE)
                .forbidWhen(flow == CHARGE && type == MOTO, "must be absent for MOTO payments")
                .requireWhen(authenticated && !byToken,
                        "is required to charge a card number with payment_type SALE or AUTHORIZE (POST /v1/three-d-secure)");
        if (authenticated && byToken && !field.isPresent() && callbackUrl == null) {
            body.field("callback_url").reject("is required to charge a saved card without three_dsecure_authentication_id: "
                    + "the customer returns there after 3-D Secure");
        }
        return field.text(1, 255, id -> Ids.couldBe("tds", id), "must be the id of a 3-D Secure authentication (tds_...)");
    }

    // ---- line items and promos

    private List<LineItem> lineItems() {
        JsonFieldReader field = body.field("line_items");
        List<LineItem> items = field.arrayOrNone(this::lineItem);
        if (items != null && amount != null && !field.hasErrors() && total(items) != amount) {
            field.reject("the sum of price * quantity must equal amount");
        }
        return items;
    }

    private LineItem lineItem(JsonFieldReader element) {
        JsonFieldReader item = element.object("name", "price", "quantity");
        String name = item.required("name").text(1, 255);
        Long price = item.required("price").money();
        Integer quantity = item.required("quantity").integer(1, 9999);
        return name == null || price == null || quantity == null ? null : new LineItem(name, price, quantity);
    }

    /** Sum of price × quantity, stopping once past the money maximum (so it cannot overflow). */
    private static long total(List<LineItem> items) {
        long total = 0;
        for (LineItem item : items) {
            total += item.price() * item.quantity();
            if (total > JsonFieldReader.MAX_MONEY) {
                break;
            }
        }
        return total;
    }

    private Promo promo(JsonFieldReader element) {
        JsonFieldReader promo = element.object("bin", "discount_amount");
        String bin = promo.required("bin").matching(BIN, "must be 6 to 8 digits");
        JsonFieldReader discountField = promo.required("discount_amount");
        Long discount = discountField.money();
        if (discount != null && amount != null && discount >= amount) {
            discountField.reject("must be less than amount");
        }
        return bin == null || discount == null ? null : new Promo(bin, discount);
    }

    // ---- customer

    private Customer customer(Card card) {
        JsonFieldReader field = body.field("customer");
        JsonFieldReader customer = field.object("id", "name", "email", "phone", "address", "country");
        boolean customerIsObject = !field.isPresent() || customer.isPresent();
        if (flow == PAYMENT_PAGE && !customer.field("email").isPresent() && !customer.field("phone").isPresent()) {
            field.reject("must include email or phone for the PAYMENT_PAGE flow");
        }
        boolean idNeeded = card != null && (card.save() || card.token() != null);
        String id = customer.field("id")
                .requireWhen(idNeeded && customerIsObject, "is required when a card is saved or a token is used")
                .text(1, CustomerIds.MAX_LENGTH);
        if (!customer.isPresent()) {
            return null;
        }
        return new Customer(
                id,
                customer.field("name").text(1, 255),
                customer.field("email").text(1, 128, EMAIL.asMatchPredicate(), "must be a valid email address"),
                customer.field("phone").matching(PHONE,
                        "must be 8 to 16 digits, country calling code first, not starting with 0"),
                customer.field("address").text(1, 400),
                customer.field("country").oneOf(COUNTRIES, "must be an ISO 3166-1 alpha-2 country code"));
    }

    // ---- card

    private Card card() {
        JsonFieldReader card = body.field("card")
                .requireWhen(flow == CHARGE, "is required for the CHARGE flow")
                .object("token", "save", "number", "expiry", "cvv");
        if (!card.isPresent()) {
            return null;
        }
        String token = card.field("token").text(1, 256);
        boolean save = Boolean.TRUE.equals(card.field("save").bool());
        if (flow != CHARGE) {
            forbidCardData(card, ONLY_FOR_CHARGE);
            return new Card(null, null, null, token, save);
        }
        if (card.field("token").isPresent()) {
            forbidCardData(card, "must not be sent together with card.token");
            return new Card(null, null, null, token, save);
        }
        return chargedCard(card, save);
    }

    private static void forbidCardData(JsonFieldReader card, String message) {
        for (String name : List.of("number", "expiry", "cvv")) {
            card.field(name).forbidWhen(true, message);
        }
    }

    /** A CHARGE paid with card data: number, expiry and (except for MOTO) cvv. */
    private Card chargedCard(JsonFieldReader card, boolean save) {
        JsonFieldReader numberField = card.field("number");
        if (!numberField.isPresent()) {
            card.reject("must contain either number or token");
            return null;
        }
        String number = numberField.matching(CARD_NUMBER, "must be 12 to 19 digits");
        if (number != null && !CardNumbers.passesLuhnCheck(number)) {
            numberField.reject("is not a valid card number");
        }
        String expiry = card.required("expiry").matching(EXPIRY, "must be MMYY with a month from 01 to 12");
        String cvv = card.field("cvv")
                .forbidWhen(type == MOTO, "must be absent for MOTO payments")
                .requireWhen(type != null && type != MOTO, "is required")
                .matching(CVV, "must be 3 or 4 digits");
        return new Card(number, expiry, cvv, null, save);
    }

    // ---- page options

    private Theme theme() {
        JsonFieldReader theme = body.field("theme").object("language", "background_color", "font_color",
                "button_background_color", "button_font_color");
        if (!theme.isPresent()) {
            return null;
        }
        return new Theme(
                theme.field("language").oneOf(LANGUAGES, "must be EN or ID"),
                color(theme.field("background_color")),
                color(theme.field("font_color")),
                color(theme.field("button_background_color")),
                color(theme.field("button_font_color")));
    }

    private static String color(JsonFieldReader field) {
        return field.matching(HEX_COLOR, "must be 6 hex digits without #");
    }

    private Disclaimer disclaimer() {
        JsonFieldReader disclaimer = body.field("disclaimer").object("id", "en");
        if (!disclaimer.isPresent()) {
            return null;
        }
        return new Disclaimer(disclaimer.field("id").text(1, 1000), disclaimer.field("en").text(1, 1000));
    }

    // ---- URLs

    static String webUrl(JsonFieldReader field) {
        return field.text(1, MAX_URL_LENGTH, value -> isAbsoluteUrl(value, Set.of("http", "https")),
                "must be an absolute http or https URL");
    }

    /** DOKU's signed notification goes there: an https URL on a host of the allow-list only. */
    private String notificationUrl(JsonFieldReader field) {
        String url = field.text(1, MAX_URL_LENGTH, value -> isAbsoluteUrl(value, Set.of("https")),
                "must be an absolute https URL");
        if (url != null && !notificationHosts.permits(URI.create(url))) {
            field.reject("must name a host the gateway allows for notifications");
            return null;
        }
        return url;
    }

    private static boolean isAbsoluteUrl(String value, Set<String> schemes) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null
                    && schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
