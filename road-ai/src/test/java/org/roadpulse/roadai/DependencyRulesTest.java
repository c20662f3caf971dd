package org.roadpulse.roadai;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Technology stays at the edges: metrics and sampling are plain Java, readable without DL4J or OpenCV. */
@AnalyzeClasses(packages = "org.roadpulse.roadai", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {
    private static final String[] TECHNOLOGY = {"org.deeplearning4j..", "org.nd4j..", "org.bytedeco.."};

    @ArchTest
    static final ArchRule evaluationIsPlainJava = noClasses().that().resideInAPackage("..roadai.evaluation..")
            .should().dependOnClassesThat().resideInAnyPackage(TECHNOLOGY);

    @ArchTest
    static final ArchRule samplingIsPlainJava = noClasses().that().haveSimpleName("BalancedSampler")
            .should().dependOnClassesThat().resideInAnyPackage(TECHNOLOGY);

    @ArchTest
    static final ArchRule theClassifierInterfaceIsPlainJava = noClasses().that().haveSimpleName("DamageClassifier")
            .should().dependOnClassesThat().resideInAnyPackage(TECHNOLOGY);

    @ArchTest
    static final ArchRule mappingIsPlainJavaExceptItsOpenCvAdapters = noClasses()
            .that().resideInAPackage("..roadai.mapping..").and().haveSimpleNameNotStartingWith("OpenCv")
            .should().dependOnClassesThat().resideInAnyPackage(TECHNOLOGY);

    /** Grades, priorities and the workflow read as the rules staff know, in the JDK alone. */
    @ArchTest
    static final ArchRule maintenanceRulesArePlainJava = noClasses().that().resideInAPackage("..roadai.maintenance..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "..roadai.maintenance..",
                    "..roadai.roads..");

    @ArchTest
    static final ArchRule roadNetworkAndTracksNeedNoImageTechnology = noClasses()
            .that().resideInAnyPackage("..roadai.roads..", "..roadai.tracks..")
            .should().dependOnClassesThat().resideInAnyPackage(TECHNOLOGY);

    @ArchTest
    static final ArchRule onlyTheCliUsesPicocli = noClasses().that().resideOutsideOfPackage("..roadai.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..");
}
