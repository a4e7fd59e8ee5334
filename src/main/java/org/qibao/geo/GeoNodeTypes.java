package org.qibao.geo;

import org.qibao.shared.NodeType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every geography type can be fetched by global ID, by anyone: places are public, as `cities`, `communities` and `gridAt` are. */
@Configuration(proxyBeanMethods = false)
class GeoNodeTypes {

	@Bean
	NodeType<Place.City> cityNodeType(GeographyRepository repository) {
		return NodeType.visibleToAll("City", keys -> Geography.byId(repository.cities(keys), Place.City::id));
	}

	@Bean
	NodeType<Place.District> districtNodeType(GeographyRepository repository) {
		return NodeType.visibleToAll("District", keys -> Geography.byId(repository.districts(keys), Place.District::id));
	}

	@Bean
	NodeType<Place.Street> streetNodeType(GeographyRepository repository) {
		return NodeType.visibleToAll("Street", keys -> Geography.byId(repository.streets(keys), Place.Street::id));
	}

	@Bean
	NodeType<Community> communityNodeType(Geography geography) {
		return NodeType.visibleToAll("Community", geography::communities);
	}

	@Bean
	NodeType<Grid> gridNodeType(Geography geography) {
		return NodeType.visibleToAll("Grid", geography::grids);
	}

}
