package org.qibao.shared;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@QibaoTest
class GraphQlConventionsTests {

	@LocalServerPort
	int port;

	@Test
	void anIdFetchesItsObjectAgainThroughNode() {
		String teamId = Clients.anonymous(this.port)
			.document("{ gridAt(point: {longitude: 114.353, latitude: 30.567}) { community { teams { id name } } } }")
			.execute()
			.path("gridAt.community.teams[0].id")
			.entity(String.class)
			.get();
		Clients.anonymous(this.port)
			.document("query($id: ID!) { node(id: $id) { id __typename ... on Team { name } } }")
			.variable("id", teamId)
			.execute()
			.path("node.__typename").entity(String.class).isEqualTo("Team")
			.path("node.id").entity(String.class).isEqualTo(teamId)
			.path("node.name").entity(String.class).isEqualTo("七宝巡逻队");
	}

	@Test
	void publicObjectsResolveByIdForAnyoneSignedOut() {
		var found = Clients.anonymous(this.port)
			.document("""
					{ cities { id districts { id streets { id } } }
					  gridAt(point: {longitude: 114.353, latitude: 30.567}) { id community { id
					    school { id courses { id } } teams { id schedules { id } upcomingShifts { id } } } } }""")
			.execute();
		java.util.List<String> ids = new java.util.ArrayList<>();
		for (String path : new String[] { "cities[0].id", "cities[0].districts[0].id", "cities[0].districts[0].streets[0].id",
				"gridAt.id", "gridAt.community.id", "gridAt.community.school.id", "gridAt.community.teams[0].id" }) {
			ids.add(found.path(path).entity(String.class).get());
		}
		found.path("gridAt.community.school.courses[*].id").entityList(String.class).get().stream().limit(1).forEach(ids::add);
		found.path("gridAt.community.teams[0].schedules[*].id").entityList(String.class).get().stream().limit(1).forEach(ids::add);
		found.path("gridAt.community.teams[0].upcomingShifts[*].id").entityList(String.class).get().stream().limit(1).forEach(ids::add);
		Clients.anonymous(this.port)
			.document("query($ids: [ID!]!) { nodes(ids: $ids) { id } }")
			.variable("ids", ids)
			.execute()
			.path("nodes[*].id").entityList(String.class).isEqualTo(ids);
	}

	@Test
	void idsAreOpaqueAndCarryTheirType() {
		String gridId = GlobalId.encode("Grid", 1);
		assertThat(gridId).doesNotContain("Grid").doesNotContain(":");
		assertThat(GlobalId.decode(gridId)).isEqualTo(new GlobalId("Grid", 1));
	}

	@Test
	void anIdOfNothingIsNullAndAMalformedIdIsABadRequest() {
		Clients.anonymous(this.port)
			.document("{ nodes(ids: [\"" + GlobalId.encode("Grid", 987654321) + "\"]) { id } }")
			.execute()
			.path("nodes[0]").valueIsNull();
		Clients.anonymous(this.port)
			.document("{ node(id: \"%%%not-an-id\") { id } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "BAD_REQUEST"));
	}

	@Test
	void connectionsPageWithFirstAndAfter() {
		var firstPage = Clients.anonymous(this.port)
			.document("{ communities(first: 1) { totalCount nodes { name } pageInfo { hasNextPage endCursor } } }")
			.execute();
		firstPage.path("communities.nodes").entityList(Object.class).hasSize(1);
		int total = firstPage.path("communities.totalCount").entity(Integer.class).get();
		assertThat(total).isGreaterThanOrEqualTo(1);
		firstPage.path("communities.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(total > 1);
		String cursor = firstPage.path("communities.pageInfo.endCursor").entity(String.class).get();
		Clients.anonymous(this.port)
			.document("query($after: String) { communities(first: 100, after: $after) { edges { cursor } pageInfo { hasPreviousPage } } }")
			.variable("after", cursor)
			.execute()
			.path("communities.edges").entityList(Object.class).hasSize(total - 1)
			.path("communities.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void aPageTooLargeIsABadRequest() {
		Clients.anonymous(this.port)
			.document("{ communities(first: 1000) { totalCount } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "BAD_REQUEST"));
	}

	@Test
	void aQueryTooDeepIsRefusedBeforeItRuns() {
		String deep = "{ cities { districts { city { districts { city { districts { city { districts { city { districts { city { districts { name } } } } } } } } } } } } }";
		Clients.anonymous(this.port)
			.document(deep)
			.execute()
			.errors()
			.satisfy(errors -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getExtensions()).containsEntry("classification", "QUERY_TOO_DEEP");
			});
	}

	@Test
	void aQueryTooDeepIsRefusedEachTimeItIsSent() {
		String deep = "{ cities { districts { city { districts { city { districts { city { districts { city { districts { city { districts { name } } } } } } } } } } } } }";
		for (int i = 0; i < 2; i++) {
			Clients.anonymous(this.port)
				.document(deep)
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "QUERY_TOO_DEEP")));
		}
	}

	@Test
	void theDepthOfAQueryWithDirectivesFollowsItsVariables() {
		String query = """
				query($deep: Boolean!) { cities { districts { city { districts { city { districts @include(if: $deep) {
				  city { districts { city { districts { city { districts { name } } } } } } } } } } } } }""";
		Clients.anonymous(this.port).document(query).variable("deep", false).execute().path("cities").hasValue();
		Clients.anonymous(this.port)
			.document(query)
			.variable("deep", true)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "QUERY_TOO_DEEP"));
		Clients.anonymous(this.port).document(query).variable("deep", false).execute().path("cities").hasValue();
	}

	@Test
	void aQueryTooLargeIsRefusedBeforeItRuns() {
		StringBuilder wide = new StringBuilder("{");
		for (int i = 0; i < 600; i++) {
			wide.append(" c").append(i).append(": cities { name districts { name } }");
		}
		Clients.anonymous(this.port)
			.document(wide.append(" }").toString())
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "QUERY_TOO_COMPLEX"));
	}

	@Test
	void aMalformedQueryGetsAnErrorWithoutStackTraceOrInternals() {
		String body = Clients.http(this.port)
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ cities { name "))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("errors").doesNotContain("Exception").doesNotContain("at org.").doesNotContain("graphql.parser");
	}

	@Test
	void anIdOfATypeNoModuleServesIsNull() {
		Clients.anonymous(this.port)
			.document("{ node(id: \"" + GlobalId.encode("Nothing", 1) + "\") { id } }")
			.execute()
			.path("node").valueIsNull();
	}

}
