package org.qibao.casework;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
import org.qibao.casework.CaseFixtures.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.casework.CaseFixtures.errorCode;
import static org.qibao.casework.CaseFixtures.payload;

/** The community administrator keeps the case categories; everyone else reads them. */
@QibaoTest
class CaseCategoryTests {

	private static final String CREATE = """
			mutation($input: CaseCategoryCreateInput!) { caseCategoryCreate(input: $input) {
			  category { id name nameZh nameEn serviceCode acceptWithinMinutes resolveWithinMinutes retired community { name } }
			  userErrors { code field } } }""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private CaseFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new CaseFixtures(this.context, this.port);
	}

	@Test
	void aCommunityStartsWithTheEightCategoriesInChineseAndEnglishWithTheirDeadlines() {
		Person volunteer = this.fixtures.volunteer("肖建国");
		List<Map<String, Object>> categories = volunteer.client()
			.document("query($c: ID!) { caseCategories(communityId: $c) { serviceCode nameZh nameEn acceptWithinMinutes resolveWithinMinutes } }")
			.variable("c", this.fixtures.dongting())
			.execute()
			.path("caseCategories")
			.entityList(Map.class)
			.get()
			.stream()
			.map(c -> (Map<String, Object>) c)
			.toList();

		assertThat(categories).extracting(c -> c.get("serviceCode")).startsWith("suspicious-person", "theft",
				"traffic-hazard", "fire-hazard", "dispute", "damaged-facility", "resident-help", "other");
		assertThat(categories.get(3)).containsEntry("nameZh", "消防隐患").containsEntry("nameEn", "Fire hazard")
			.containsEntry("acceptWithinMinutes", 15);
	}

	@Test
	void theAdministratorAddsChangesAndRetiresACategory() {
		Person administrator = this.fixtures.administrator("周书记");
		String code = "dog-" + (System.nanoTime() % 1_000_000);
		Map<String, Object> input = new HashMap<>(Map.of("communityId", this.fixtures.dongting(), "nameZh", "犬只扰民",
				"nameEn", "Dog nuisance", "serviceCode", code, "acceptWithinMinutes", 60, "resolveWithinMinutes", 2880));
		Map<String, Object> created = payload(administrator.client().mutate().header("Accept-Language", "zh-CN").build(),
				CREATE, input, "caseCategoryCreate");
		@SuppressWarnings("unchecked")
		Map<String, Object> category = (Map<String, Object>) created.get("category");
		assertThat(category).containsEntry("name", "犬只扰民").containsEntry("retired", false)
			.containsEntry("community", Map.of("name", "东亭社区"));
		assertThat(errorCode(payload(administrator.client(), CREATE, input, "caseCategoryCreate")))
			.isEqualTo("SERVICE_CODE_TAKEN");

		Map<String, Object> updated = payload(administrator.client(), """
				mutation($input: CaseCategoryUpdateInput!) { caseCategoryUpdate(input: $input) {
				  category { nameEn acceptWithinMinutes } userErrors { code } } }""",
				Map.of("categoryId", category.get("id"), "nameZh", "犬只扰民", "nameEn", "Dogs", "acceptWithinMinutes", 30,
						"resolveWithinMinutes", 1440), "caseCategoryUpdate");
		assertThat(updated.get("category")).isEqualTo(Map.of("nameEn", "Dogs", "acceptWithinMinutes", 30));

		Map<String, Object> retired = payload(administrator.client(), """
				mutation($input: CaseCategoryRetireInput!) { caseCategoryRetire(input: $input) { category { retired } userErrors { code } } }""",
				Map.of("categoryId", category.get("id")), "caseCategoryRetire");
		assertThat(retired.get("category")).isEqualTo(Map.of("retired", true));
		Person volunteer = this.fixtures.volunteer("王秀英");
		assertThat(errorCode(CaseFixtures.report(volunteer,
				CaseFixtures.reportInput(category.get("id").toString(), "狗叫", CaseFixtures.IN_DT01))))
			.as("a retired category takes no new reports").isEqualTo("CATEGORY_NOT_FOUND");
	}

	@Test
	void badCategoriesAreRefusedAndOnlyTheAdministratorMayChangeThem() {
		Person administrator = this.fixtures.administrator("周书记");
		Map<String, Object> input = new HashMap<>(Map.of("communityId", this.fixtures.dongting(), "nameZh", " ",
				"nameEn", "Empty", "serviceCode", "empty-name", "acceptWithinMinutes", 60, "resolveWithinMinutes", 60));
		assertThat(errorCode(payload(administrator.client(), CREATE, input, "caseCategoryCreate"))).isEqualTo("INVALID_NAME");
		input.put("nameZh", "太快");
		input.put("acceptWithinMinutes", 1);
		assertThat(errorCode(payload(administrator.client(), CREATE, input, "caseCategoryCreate"))).isEqualTo("INVALID_DEADLINE");
		input.put("acceptWithinMinutes", 60);
		input.put("serviceCode", "Not A Code");
		assertThat(errorCode(payload(administrator.client(), CREATE, input, "caseCategoryCreate")))
			.isEqualTo("INVALID_SERVICE_CODE");

		input.put("serviceCode", "volunteer-made");
		this.fixtures.gridWorker("网格员", "DT-01").client().document(CREATE).variable("input", input).execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		assertThat(this.fixtures.count("SELECT count(*) FROM case_category WHERE service_code IN ('empty-name', 'volunteer-made')"))
			.isZero();
	}

}
