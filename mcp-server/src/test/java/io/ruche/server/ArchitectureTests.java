package io.ruche.server;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.ruche.server.api.RequiresRole;

import org.springframework.web.bind.annotation.RequestMapping;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering rules of docs/conventions.md, checked on the production classes of every
 * module.
 */
@AnalyzeClasses(packages = "io.ruche", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule coreIsFrameworkFree = noClasses().that()
		.resideInAnyPackage("io.ruche.kernel..", "io.ruche.brain..", "io.ruche.toolbox..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "io.modelcontextprotocol..", "org.redisson..", "java.sql..",
				"com.pgvector..", "tools.jackson..", "com.fasterxml..");

	@ArchTest
	static final ArchRule modelsAreData = classes().that()
		.resideInAPackage("..model..")
		.and()
		.areTopLevelClasses()
		.should(beDataOrStaticHelpers());

	@ArchTest
	static final ArchRule portsHoldOnlyContracts = classes().that()
		.resideInAPackage("..port..")
		.and()
		.areTopLevelClasses()
		.and()
		.doNotHaveSimpleName("package-info")
		.should()
		.beInterfaces()
		.orShould()
		.beRecords()
		.orShould()
		.beEnums()
		.orShould()
		.beAssignableTo(Exception.class);

	@ArchTest
	static final ArchRule brainInternalsStayInside = noClasses().that()
		.resideOutsideOfPackage("io.ruche.brain..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.ruche.brain..internal..");

	@ArchTest
	static final ArchRule toolboxInternalsStayInside = noClasses().that()
		.resideOutsideOfPackage("io.ruche.toolbox..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.ruche.toolbox..internal..");

	@ArchTest
	static final ArchRule brainIgnoresToolbox = noClasses().that()
		.resideInAPackage("io.ruche.brain..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.ruche.toolbox..");

	@ArchTest
	static final ArchRule toolboxIgnoresBrain = noClasses().that()
		.resideInAPackage("io.ruche.toolbox..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.ruche.brain..");

	@ArchTest
	static final ArchRule storeAdaptersAreIndependent = slices().matching("io.ruche.stores.(postgres|redis|embedded)..")
		.should()
		.notDependOnEachOther();

	@ArchTest
	static final ArchRule onlyTheMcpEdgeTouchesTheSdk = noClasses().that()
		.resideOutsideOfPackages("io.ruche.server.mcp..", "io.ruche.server.config..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.modelcontextprotocol..");

	@ArchTest
	static final ArchRule restEdgeIgnoresMcpEdge = noClasses().that()
		.resideInAPackage("io.ruche.server.api..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.ruche.server.mcp..");

	@ArchTest
	static final ArchRule everyRestHandlerDeclaresItsRole = methods().that()
		.areDeclaredInClassesThat()
		.resideInAPackage("io.ruche.server.api..")
		.and()
		.areMetaAnnotatedWith(RequestMapping.class)
		.should()
		.beAnnotatedWith(RequiresRole.class);

	@ArchTest
	static final ArchRule wireFormatIsEdgeNeutral = noClasses().that()
		.resideInAPackage("io.ruche.server.wire..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.modelcontextprotocol..", "org.springframework..", "io.ruche.server.mcp..",
				"io.ruche.server.api..");

	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("io.ruche.(*).(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

	@ArchTest
	static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

	private static ArchCondition<JavaClass> beDataOrStaticHelpers() {
		DescribedPredicate<JavaClass> staticHelper = DescribedPredicate.describe("a final class of static helpers",
				(c) -> c.getModifiers().contains(JavaModifier.FINAL)
						&& c.getMethods().stream().allMatch((m) -> m.getModifiers().contains(JavaModifier.STATIC)));
		return new ArchCondition<>("be a record, an enum, a sealed interface or a final class of static helpers") {

			@Override
			public void check(JavaClass item, ConditionEvents events) {
				boolean data = item.isRecord() || item.isEnum() || (item.isInterface() && item.reflect().isSealed())
						|| staticHelper.test(item) || item.getSimpleName().equals("package-info");
				if (!data) {
					events.add(SimpleConditionEvent.violated(item, item.getName() + " is not data"));
				}
			}

		};
	}

}
