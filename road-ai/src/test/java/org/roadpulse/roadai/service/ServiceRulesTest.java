package org.roadpulse.roadai.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The service is an edge around the rules: the framework stays in it, and the HTTP layer on top of it. */
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
}
