package org.qibao.casework;

import java.util.Map;
import java.util.stream.Collectors;

import org.qibao.shared.NodeType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cases, categories and departments by ID: a case for those who see it ({@link CaseDesk#sees}),
 * categories for anyone, departments for those who dispatch to them and their members.
 */
@Configuration(proxyBeanMethods = false)
class CaseworkNodeTypes {

	@Bean
	NodeType<Case> caseNodeType(Cases cases, CaseDesks desks) {
		return NodeType.of("Case", cases::findAll, (found, viewer) -> {
			Map<Long, CaseDesk> byCommunity = desks.of(Viewer.of(viewer),
					found.values().stream().map(Case::communityId).distinct().toList());
			return found.entrySet()
				.stream()
				.filter(e -> byCommunity.get(e.getValue().communityId()).sees(e.getValue()))
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		});
	}

	@Bean
	NodeType<CaseCategory> caseCategoryNodeType(CaseCategories categories) {
		return NodeType.visibleToAll("CaseCategory", categories::findAll);
	}

	/**
	 * A department, with its members' names, for those who dispatch to it (as {@code departments}
	 * lists it) and for its own members; nobody else, signed in or not.
	 */
	@Bean
	NodeType<Department> departmentNodeType(Departments departments, CaseDesks desks) {
		return NodeType.of("Department", departments::findAll, (found, viewer) -> {
			Map<Long, CaseDesk> byCommunity = desks.of(Viewer.of(viewer),
					found.values().stream().map(Department::communityId).distinct().toList());
			return found.entrySet()
				.stream()
				.filter(e -> byCommunity.get(e.getValue().communityId()).dispatchesTo(e.getValue()))
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		});
	}

}
