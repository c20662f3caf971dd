package org.roadpulse.ingest;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Technology stays at the edges: the intake knows no SQL or HTTP, the storage no transport. */
@AnalyzeClasses(packages = "org.roadpulse.ingest", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    @ArchTest
    static final ArchRule intakeKnowsNoDatabaseAndNoTransport = noClasses()
            .that().resideInAPackage("org.roadpulse.ingest.intake..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.postgresql..",
                    "org.roadpulse.ingest.storage..", "org.roadpulse.ingest.http..", "org.roadpulse.ingest.mqtt..",
                    "org.roadpulse.ingest.coap..", "io.micronaut.http..");

    @ArchTest
    static final ArchRule sitesKnowNoTransport = noClasses()
            .that().resideInAPackage("org.roadpulse.ingest.sites..")
            .should().dependOnClassesThat().resideInAnyPackage("org.roadpulse.ingest.http..",
                    "org.roadpulse.ingest.mqtt..", "org.roadpulse.ingest.coap..", "io.micronaut.http..");

    @ArchTest
    static final ArchRule storageKnowsNoTransport = noClasses()
            .that().resideInAPackage("org.roadpulse.ingest.storage..")
            .should().dependOnClassesThat().resideInAnyPackage("org.roadpulse.ingest.http..",
                    "org.roadpulse.ingest.mqtt..", "org.roadpulse.ingest.coap..", "io.micronaut.http..");
}
