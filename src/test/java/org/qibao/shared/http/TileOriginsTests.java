package org.qibao.shared.http;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Content-Security-Policy lets in images from the configured tile server, each subdomain spelled out. */
class TileOriginsTests {

	@Test
	void aTemplateWithSubdomainsLetsInEachOfThem() {
		assertThat(SecurityHeaders.tileOrigins("https://t{s}.tianditu.gov.cn/vec_w/wmts?tk=KEY&TILEMATRIX={z}",
				List.of("0", "1", "2"))).isEqualTo(" https://t0.tianditu.gov.cn https://t1.tianditu.gov.cn https://t2.tianditu.gov.cn");
	}

	@Test
	void aTemplateWithoutSubdomainsLetsInItsOrigin() {
		assertThat(SecurityHeaders.tileOrigins("https://tile.openstreetmap.org/{z}/{x}/{y}.png", List.of()))
			.isEqualTo(" https://tile.openstreetmap.org");
	}

	@Test
	void aPathOnThisServerNeedsNothingMore() {
		assertThat(SecurityHeaders.tileOrigins("/tiles/{z}/{x}/{y}.png", List.of())).isEmpty();
		assertThat(SecurityHeaders.tileOrigins("", List.of())).isEmpty();
	}

}
