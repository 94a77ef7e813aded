package dev.herald;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the feature packages honest: no cycles, shared pieces depend on no feature. */
class ArchitectureTest {

  private static final JavaClasses HERALD =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.herald");

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("dev.herald.(*)..").should().beFreeOfCycles().check(HERALD);
  }

  @Test
  void supportDependsOnNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("dev.herald.support..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(
            "dev.herald.support..", "java..", "javax..", "jakarta..", "org..", "com..", "io..")
        .check(HERALD);
  }

  @Test
  void theWireConventionsDependOnNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("dev.herald.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.herald.admin..",
            "dev.herald.auth..",
            "dev.herald.notification..",
            "dev.herald.template..",
            "dev.herald.service..",
            "dev.herald.limit..",
            "dev.herald.inbound..",
            "dev.herald.document..")
        .check(HERALD);
  }

  @Test
  void onlyTheAdminPackageAndTheApplicationUseTheAdminPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.herald.admin..")
        .and()
        .doNotHaveFullyQualifiedName(HeraldApplication.class.getName())
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.herald.admin..")
        .check(HERALD);
  }

  @Test
  void recipientRulesAreFreeOfSpringAndTheDatabase() {
    noClasses()
        .that()
        .resideInAPackage("dev.herald.recipient..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
        .check(HERALD);
  }
}
