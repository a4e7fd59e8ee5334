package org.qibao;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(QibaoApplication.class);

	@Test
	void modulesReachEachOtherOnlyThroughTheirPublicApi() {
		this.modules.verify();
	}

	@Test
	void moduleDiagramsAreWritten() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
