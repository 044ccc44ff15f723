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
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Path;

/** The layers: api → (payment, notification, token, webhook) → doku, with support below them all. */
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
            .whereLayer("domain").mayOnlyBeAccessedByLayers("api")
            .whereLayer("doku").mayOnlyBeAccessedByLayers("domain")
            .whereLayer("doku").mayOnlyAccessLayers("support")
            .whereLayer("support").mayNotAccessAnyLayer();

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
