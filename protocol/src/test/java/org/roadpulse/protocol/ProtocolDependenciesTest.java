package org.roadpulse.protocol;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * Verifies that the contract's Java model stays a library both sides can take: the JDK and Jackson only, no
 * transport, framework or database. ({@code javax.crypto} is part of the JDK's {@code java.base}.)
 */
@AnalyzeClasses(packages = "org.roadpulse.protocol", importOptions = ImportOption.DoNotIncludeTests.class)
class ProtocolDependenciesTest {

    @ArchTest
    static final ArchRule protocolDependsOnlyOnTheJdkAndJackson = classes()
            .that().resideInAPackage("org.roadpulse.protocol..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("org.roadpulse.protocol..", "java..", "javax.crypto..", "com.fasterxml.jackson..");
}
