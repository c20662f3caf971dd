package org.roadpulse.agent;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps technology at the edges: the counting core and the outbox know nothing of MQTT, CoAP, HTTP or each other's jobs. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.roadpulse.agent");
    }

    @Test
    void sourcesAndAggregationArePlainJava() {
        noClasses().that().resideInAnyPackage("..agent.source..", "..agent.aggregation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse..", "com.fasterxml..",
                        "..agent.outbox..", "..agent.transport..", "..agent.config..")
                .check(classes);
    }

    @Test
    void theOutboxKnowsNothingOfTransportsOrWhatItStores() {
        noClasses().that().resideInAPackage("..agent.outbox..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse..", "..agent.transport..",
                        "..agent.source..", "org.roadpulse.protocol..")
                .check(classes);
    }

    @Test
    void transportTechnologyStaysInItsOwnPackage() {
        noClasses().that().resideOutsideOfPackages("..agent.transport.mqtt..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.paho..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("..agent.transport.coap..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.californium..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("..agent.transport.http..")
                .should().dependOnClassesThat().resideInAPackage("java.net.http..")
                .check(classes);
    }
}
