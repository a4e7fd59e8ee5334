package org.qibao.timebank;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

@Controller
class SchoolController {

	private final Schools schools;

	private final Geography geography;

	SchoolController(Schools schools, Geography geography) {
		this.schools = schools;
		this.geography = geography;
	}

	@BatchMapping(typeName = "Community")
	Map<Community, School> school(List<Community> communities) {
		Map<Long, School> byCommunity = this.schools.ofCommunities(communities.stream().map(Community::id).toList());
		Map<Community, School> result = new HashMap<>();
		communities.forEach(c -> result.put(c, byCommunity.get(c.id())));
		return result;
	}

	@BatchMapping(typeName = "School")
	Map<School, Community> community(List<School> schools) {
		Map<Long, Community> communities = this.geography.communities(schools.stream().map(School::communityId).toList());
		Map<School, Community> result = new HashMap<>();
		schools.forEach(s -> result.put(s, communities.get(s.communityId())));
		return result;
	}

}
