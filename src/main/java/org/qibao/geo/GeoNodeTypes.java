package org.qibao.geo;

import org.qibao.shared.NodeType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every geography type can be fetched by global ID. */
@Configuration(proxyBeanMethods = false)
class GeoNodeTypes {

	@Bean
	NodeType<Place.City> cityNodeType(GeographyRepository repository) {
		return NodeType.of("City", keys -> Geography.byId(repository.cities(keys), Place.City::id));
	}

	@Bean
	NodeType<Place.District> districtNodeType(GeographyRepository repository) {
		return NodeType.of("District", keys -> Geography.byId(repository.districts(keys), Place.District::id));
	}

	@Bean
	NodeType<Place.Street> streetNodeType(GeographyRepository repository) {
		return NodeType.of("Street", keys -> Geography.byId(repository.streets(keys), Place.Street::id));
	}

	@Bean
	NodeType<Community> communityNodeType(Geography geography) {
		return NodeType.of("Community", geography::communities);
	}

	@Bean
	NodeType<Grid> gridNodeType(Geography geography) {
		return NodeType.of("Grid", geography::grids);
	}

}
