package org.qibao;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	/** Tests may use any module's API; only the application's own code is held to the boundaries. */
	private static final DescribedPredicate<JavaClass> TEST_CODE = DescribedPredicate.describe("test code",
			type -> type.getSource().map(source -> source.getUri().toString().contains("/test-classes/")).orElse(false));

	private final ApplicationModules modules = ApplicationModules.of(QibaoApplication.class, TEST_CODE);

	@Test
	void modulesReachEachOtherOnlyThroughTheirPublicApi() {
		this.modules.verify();
	}

	@Test
	void moduleDiagramsAreWritten() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
