package org.roadpulse.roadai.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The service is an edge around the rules: the framework stays in it, the HTTP layer on top of it, and its
 * packages depend on each other one way only (domain ← storage ← queue/intake/export ← http).
 */
@AnalyzeClasses(packages = "org.roadpulse.roadai", importOptions = ImportOption.DoNotIncludeTests.class)
class ServiceRulesTest {

    @ArchTest
    static final ArchRule theFrameworkStaysInTheService = noClasses().that()
            .resideOutsideOfPackage("..roadai.service..").should().dependOnClassesThat()
            .resideInAnyPackage("io.micronaut..", "jakarta.inject..", "org.flywaydb..", "io.zonky..");

    @ArchTest
    static final ArchRule nothingBelowTheHttpLayerKnowsIt = noClasses().that()
            .resideInAnyPackage("..service.storage..", "..service.intake..", "..service.queue..",
                    "..service.traffic..", "..service.export..")
            .should().dependOnClassesThat().resideInAPackage("..service.http..");

    @ArchTest
    static final ArchRule sqlIsWrittenInTheStorageOnly = noClasses().that()
            .resideOutsideOfPackage("..service.storage..").should().callMethod(java.sql.Connection.class,
                    "prepareStatement", String.class);

    @ArchTest
    static final ArchRule theServicePackagesHaveNoCycles = slices()
            .matching("org.roadpulse.roadai.service.(*)..").should().beFreeOfCycles();

    /** The records every part speaks in know only the rules' vocabulary: storage implements them, never the reverse. */
    @ArchTest
    static final ArchRule theDomainRecordsArePlainJava = classes().that().resideInAPackage("..service.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..service.domain..",
                    "..roadai.maintenance..", "..roadai.roads..");

    @ArchTest
    static final ArchRule theStorageKnowsNoWorkflow = noClasses().that().resideInAPackage("..service.storage..")
            .should().dependOnClassesThat().resideInAnyPackage("..service.queue..", "..service.intake..",
                    "..service.export..", "..service.traffic..");
}
