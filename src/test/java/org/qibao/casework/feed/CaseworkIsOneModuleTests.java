package org.qibao.casework.feed;

import org.junit.jupiter.api.Test;
import org.qibao.QibaoApplication;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed and the photos are parts of the casework module, not modules of their own. */
class CaseworkIsOneModuleTests {

	@Test
	void theFeedAndThePhotosBelongToTheCaseworkModule() {
		ApplicationModules modules = ApplicationModules.of(QibaoApplication.class);
		assertThat(modules.getModuleByName("casework")).get()
			.satisfies(casework -> assertThat(casework.contains(CaseFeed.class)).isTrue())
			.satisfies(casework -> assertThat(casework.contains(org.qibao.casework.photo.CasePhotos.class)).isTrue());
		assertThat(modules.stream().map(ApplicationModule::getName)).doesNotContain("feed", "photo");
	}

}
