package org.qibao.geo;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The street map the web client draws under grids and people ({@code qibao.map.tiles.*},
 * OpenStreetMap unless configured otherwise; see docs/map.md). The client asks for it with
 * {@code mapSettings}, so that one server setting changes every map without a new build.
 */
@Controller
class MapSettings {

	private final Tiles tiles;

	MapSettings(@Value("${qibao.map.tiles.url-template:}") String urlTemplate,
			@Value("${qibao.map.tiles.attribution:}") String attribution, @Value("${qibao.map.tiles.max-zoom:19}") int maxZoom,
			@Value("${qibao.map.tiles.subdomains:}") List<String> subdomains) {
		this.tiles = urlTemplate.isBlank() ? null
				: new Tiles(urlTemplate.trim(), attribution, maxZoom,
						subdomains.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
	}

	@QueryMapping
	Settings mapSettings() {
		return new Settings(this.tiles);
	}

	record Settings(Tiles tiles) {
	}

	record Tiles(String urlTemplate, String attribution, int maxZoom, List<String> subdomains) {
	}

}
