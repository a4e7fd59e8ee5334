package org.qibao.casework;

import java.util.Map;
import java.util.stream.Collectors;

import org.qibao.shared.NodeType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cases, categories and departments by ID: a case for those who see it ({@link CaseDesk#sees}),
 * categories and departments for anyone signed in, as their queries show them.
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

	@Bean
	NodeType<Department> departmentNodeType(Departments departments) {
		return NodeType.of("Department", departments::findAll,
				(found, viewer) -> Viewer.of(viewer) == null ? Map.of() : found);
	}

}
