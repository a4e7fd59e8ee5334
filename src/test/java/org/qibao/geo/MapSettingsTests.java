package org.qibao.geo;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Anyone's web client learns the street map to draw under its maps from the server's configuration. */
@QibaoTest
class MapSettingsTests {

	@LocalServerPort
	int port;

	@Test
	void theTileSourceIsTheServersConfiguration() {
		// the tests' configuration: a path this server does not serve, so that no test fetches tiles from the internet
		Clients.anonymous(this.port)
			.document("{ mapSettings { tiles { urlTemplate attribution maxZoom subdomains } } }")
			.execute()
			.path("mapSettings.tiles.urlTemplate").entity(String.class).isEqualTo("/tiles-for-tests/{z}/{x}/{y}.png")
			.path("mapSettings.tiles.maxZoom").entity(Integer.class).isEqualTo(19)
			.path("mapSettings.tiles.attribution").entity(String.class).satisfies(a -> org.assertj.core.api.Assertions.assertThat(a).contains("OpenStreetMap"))
			.path("mapSettings.tiles.subdomains").entityList(String.class).hasSize(0);
	}

}
