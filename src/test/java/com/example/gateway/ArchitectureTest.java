package com.example.gateway;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.example.gateway.payment.Payment;
import com.example.gateway.payment.PaymentOperation;
import com.example.gateway.payment.PaymentStateMachine;
import com.example.gateway.payment.PaymentStatus;
import com.example.gateway.payment.Transition;
import com.example.gateway.payment.Payments;
import com.example.gateway.payment.UnitOfWork;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The layers: api → (payment, notification, token, webhook), with support below them all; doku is the
 * adapter that implements payment's provider port ({@code payment.provider}) and is reached only through it.
 */
@AnalyzeClasses(packages = "com.example.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("api").definedBy("com.example.gateway.api..")
            .layer("domain").definedBy("com.example.gateway.payment..", "com.example.gateway.notification..",
                    "com.example.gateway.token..", "com.example.gateway.webhook..")
            .layer("doku").definedBy("com.example.gateway.doku..")
            .layer("support").definedBy("com.example.gateway.support..")
            .whereLayer("api").mayNotBeAccessedByAnyLayer()
            .whereLayer("domain").mayOnlyBeAccessedByLayers("api", "doku")
            .whereLayer("doku").mayNotBeAccessedByAnyLayer()
            .whereLayer("doku").mayOnlyAccessLayers("domain", "support")
            .whereLayer("support").mayNotAccessAnyLayer();

    /** A second provider (DOKU's SNAP API, another acquirer) implements the same port, and nothing else changes. */
    @ArchTest
    static final ArchRule dokuImplementsOnlyThePort = noClasses()
            .that().resideInAPackage("com.example.gateway.doku..")
            .should().dependOnClassesThat(resideInAPackage("com.example.gateway.payment..")
                    .and(resideOutsideOfPackage("com.example.gateway.payment.provider.."))
                    .or(resideInAPackage("com.example.gateway.notification.."))
                    .or(resideInAPackage("com.example.gateway.token.."))
                    .or(resideInAPackage("com.example.gateway.webhook..")))
            .because("doku is an adapter of payment.provider: it may know the port and nothing else of the domain");

    /**
     * DOKU's name stops at its adapter: elsewhere a class is named for what it is to the gateway, so a second
     * provider renames nothing. Exempt, each for its reason:
     * <ul>
     * <li>{@code devservices}: dev and tests only ({@code src/dev}), they start the DOKU emulator itself;</li>
     * <li>{@code api.DokuNotificationResource}: the edge DOKU itself calls, at DOKU's own path
     * ({@code /v1/doku/notifications}, part of the API contract) with DOKU's signature headers; a second
     * provider gets a receiver of its own, and the notification package behind it is provider-neutral.</li>
     * </ul>
     * Tests (the emulator's included) are not imported here.
     */
    @ArchTest
    static final ArchRule dokuNamesStayInDoku = noClasses()
            .that().resideOutsideOfPackages("com.example.gateway.doku..", "com.example.gateway.devservices..")
            .and().doNotHaveFullyQualifiedName("com.example.gateway.api.DokuNotificationResource")
            .should().haveSimpleNameStartingWith("Doku")
            .because("DOKU's vocabulary stops at the doku package: the domain speaks of its provider");

    @ArchTest
    static final ArchRule thePortStandsAlone = classes()
            .that().resideInAPackage("com.example.gateway.payment.provider..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("com.example.gateway..")
                    .or(resideInAPackage("com.example.gateway.payment.provider.."))
                    .or(resideInAPackage("com.example.gateway.support..")))
            .because("the port speaks the gateway's terms, not a provider's nor a service's");

    /**
     * DOKU's words for a transaction's status and type and a refund's type, as documented (NOTES.md and the
     * guides, and check status's ORDER_GENERATED, ORDER_EXPIRED, REDIRECT, TIMEOUT). Read only in
     * doku/DokuStatuses: a new DOKU status goes there, and its meaning to a payment is a TransactionNews outcome.
     */
    static final List<String> DOKU_WORDS = List.of("SUCCESS", "FAILED", "PENDING", "REDIRECT", "REFUNDED", "VOIDED",
            "EXPIRED", "TIMEOUT", "ORDER_GENERATED", "ORDER_EXPIRED", "SALE", "INSTALLMENT", "MOTO", "AUTHORIZE",
            "CAPTURE", "RECURRING", "REFUND", "VOID", "FULL_REFUND", "PARTIAL_REFUND", "DELETE SUCCESS", "DELETE FAILED");

    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @ArchTest
    static final ArchRule dokuWordsStayInDoku = noClasses()
            .that().resideOutsideOfPackage("com.example.gateway.doku..")
            .should(haveAStringLiteral("one of DOKU's status or type words", DOKU_WORDS::contains))
            .because("what a DOKU status means is decided in one place (doku/DokuStatuses); elsewhere the "
                    + "gateway's own enums say it, and a miss is a compiler error");

    /** SQL naming the payments or operations tables, as plain SQL outside the door would. */
    private static final Pattern SQL_ON_PAYMENTS = Pattern.compile(
            "(?i)\\b(from|update|into|join)\\s+(payments|payment_operations)\\b");

    /** A payment's or operation's status written as an SQL literal ('AUTHORIZED'). */
    private static final Pattern SQL_STATUS_LITERAL = Pattern.compile("'(" + Stream.concat(
            Arrays.stream(PaymentStatus.values()), Arrays.stream(PaymentOperation.Status.values()))
            .map(Enum::name).distinct().collect(Collectors.joining("|")) + ")'");

    /**
     * One door to payment storage, for plain SQL too: only Payments and PaymentRows write SQL on payments and
     * their operations, and no status is written in SQL by hand anywhere (Payments takes them from the enums).
     */
    @ArchTest
    static final ArchRule sqlOnPaymentsStaysBehindTheDoor = noClasses()
            .that().doNotBelongToAnyOf(Payments.class)
            .and().doNotHaveFullyQualifiedName("com.example.gateway.payment.PaymentRows")
            .should(haveAStringLiteral("SQL on payments or their operations",
                    literal -> SQL_ON_PAYMENTS.matcher(literal).find()))
            .because("every read, lock and write of payments goes through Payments, plain SQL included");

    @ArchTest
    static final ArchRule noStatusIsWrittenInSql = noClasses()
            .should(haveAStringLiteral("a status as an SQL literal", literal -> SQL_STATUS_LITERAL.matcher(literal).find()))
            .because("a status in SQL is taken from PaymentStatus or PaymentOperation.Status, so a renamed or removed "
                    + "status is a compiler error, not a query that silently matches nothing");

    /** A scan of the class's source file: string constants are folded by the compiler, so the bytecode cannot tell. */
    private static ArchCondition<JavaClass> haveAStringLiteral(String what, Predicate<String> matches) {
        return new ArchCondition<>("have " + what + " as a string literal") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (type.getEnclosingClass().isPresent() || type.getSource().isEmpty()) {
                    return; // a nested class is checked with its top-level class's source file
                }
                String file = type.getSource().get().getFileName().orElse(type.getSimpleName() + ".java");
                java.nio.file.Path source = java.nio.file.Path.of("src/main/java", type.getPackageName().replace('.', '/'), file);
                if (!Files.exists(source)) {
                    return; // generated code
                }
                try {
                    Matcher literal = STRING_LITERAL.matcher(Files.readString(source));
                    while (literal.find()) {
                        if (matches.test(literal.group(1))) {
                            events.add(SimpleConditionEvent.satisfied(type,
                                    source + " has \"" + literal.group(1) + "\""));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @ArchTest
    static final ArchRule paymentIsTheBottomOfTheDomain = noClasses()
            .that().resideInAPackage("com.example.gateway.payment..")
            .should().dependOnClassesThat().resideInAnyPackage("com.example.gateway.api..",
                    "com.example.gateway.notification..", "com.example.gateway.token..", "com.example.gateway.webhook..");

    @ArchTest
    static final ArchRule supportDependsOnNothingOfOurs = classes()
            .that().resideInAPackage("com.example.gateway.support..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("com.example.gateway..")
                    .or(resideInAPackage("com.example.gateway.support..")));

    @ArchTest
    static final ArchRule noCycles = slices().matching("com.example.gateway.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheStateMachineChangesAStatus = noClasses()
            .that().doNotBelongToAnyOf(PaymentStateMachine.class, Payment.class, PaymentOperation.class)
            .and().doNotHaveFullyQualifiedName("com.example.gateway.payment.PaymentRows")
            .should().setField(Payment.class, "status")
            .orShould().setField(PaymentOperation.class, "status")
            .because("every status change goes through PaymentStateMachine's table (PaymentRows only fills "
                    + "entities from rows read, as Hibernate does)");

    /**
     * Services say what happened (PaymentStateMachine.apply with a Happening or an OperationHappening); only the
     * machine picks the status of a payment, a capture or a refund.
     */
    @ArchTest
    static final ArchRule onlyTheStateMachineChoosesAPaymentsStatus = noClasses()
            .that().doNotBelongToAnyOf(PaymentStateMachine.class)
            .should().callMethod(PaymentStateMachine.class, "move", UnitOfWork.class, Payment.class, PaymentStatus.class,
                    Transition.Cause.class, Instant.class)
            .orShould().callMethod(PaymentStateMachine.class, "move", UnitOfWork.class, PaymentOperation.class,
                    PaymentOperation.Status.class, Transition.Cause.class, Instant.class)
            .because("the status that follows what happened is decided in one place, PaymentStateMachine.decide");

    /** Hibernate Reactive Panache's ways to read, lock or write an entity. */
    private static final Set<String> PANACHE_STORAGE = Set.of("findById", "find", "findAll", "list", "listAll", "stream",
            "streamAll", "count", "persist", "persistAndFlush", "delete", "deleteAll", "deleteById", "update");

    /** One door to payment storage: one locking path for API changes, reconciliation and notifications alike. */
    @ArchTest
    static final ArchRule oneDoorToPaymentStorage = noClasses()
            .that().doNotBelongToAnyOf(Payments.class, Payment.class, PaymentOperation.class)
            .and().doNotHaveFullyQualifiedName("com.example.gateway.payment.PaymentOperations")
            .and().doNotHaveFullyQualifiedName("com.example.gateway.payment.PaymentEvents")
            .should().callMethodWhere(DescribedPredicate.describe("Panache storage of a payment or its operations",
                    call -> (call.getTargetOwner().isEquivalentTo(Payment.class)
                            || call.getTargetOwner().isEquivalentTo(PaymentOperation.class))
                            && PANACHE_STORAGE.contains(call.getName())))
            .because("every read, lock and write of payments, captures and refunds goes through Payments (PaymentOperations "
                    + "are its queries over operations, PaymentEvents writes each change's events in the same transaction)");

    /** Resource classes under /v1: the internal API, every one of which needs a caller. */
    private static final DescribedPredicate<JavaClass> V1_RESOURCES = DescribedPredicate.describe("serve /v1",
            type -> type.tryGetAnnotationOfType(Path.class).map(path -> path.value().startsWith("/v1")).orElse(false));

    /** The path policy of application.properties is one line away from a typo: each class says so itself. */
    @ArchTest
    static final ArchRule everyV1ResourceNeedsACaller = classes()
            .that(V1_RESOURCES).and().doNotHaveSimpleName("DokuNotificationResource")
            .and().doNotHaveSimpleName("ThreeDSecureReturnResource")
            .should().beAnnotatedWith(Authenticated.class)
            .because("an internal endpoint must refuse strangers even if the path policy in application.properties is changed");

    @ArchTest
    static final ArchRule onlyDokusReceiverIsOpen = classes()
            .that(V1_RESOURCES).and().areAnnotatedWith(PermitAll.class)
            .should().haveSimpleNameStartingWith("DokuNotificationResource")
            .orShould().haveSimpleName("ThreeDSecureReturnResource")
            .because("DOKU's notifications are authenticated by their signature, and the customer's browser coming "
                    + "back from 3-D Secure proves nothing by itself (the charge it triggers is DOKU's to refuse); "
                    + "nothing else under /v1 is open");
}
