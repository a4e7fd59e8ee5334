package org.qibao.identity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.shared.GlobalId;
import org.qibao.shared.RecordedAdministrativeActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The community office's roster becomes invitations: uploaded, it is a preview with each row's
 * problems; applied, it makes an invitation per valid row, all at once and only once.
 */
@QibaoTest
@Import(RecordedAdministrativeActions.class)
class RosterImportTests {

	static final String PREVIEW = """
			query($id: ID!) { rosterImport(id: $id) { id fileName validRowCount createdAt expiresAt appliedAt community { name }
			  rows { row name phone team errors { code message } } invitations { id } } }""";

	static final String APPLY = """
			mutation($input: RosterImportApplyInput!) { rosterImportApply(input: $input) {
			  rosterImport { appliedAt invitations { id displayName team { name } } }
			  invitations { code invitation { phone displayName } } userErrors { code } } }""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecordedAdministrativeActions actions;

	String community;

	@BeforeEach
	void community() {
		this.community = GlobalId.encode("Community",
				this.jdbc.sql("SELECT community_id FROM team WHERE name = '七宝巡逻队'").query(Long.class).single());
	}

	@Test
	void aRosterIsPreviewedWithItsRowsProblemsThenAppliedOnce() throws Exception {
		String good = Clients.uniquePhone();
		String other = Clients.uniquePhone();
		String csv = "\uFEFF姓名,手机号,队伍\n" + "黄慧兰," + good + ",七宝巡逻队\n" + ",13900000091,\n" + "王小明,12-34,\n"
				+ "黄慧兰二,+86 " + good + ",\n" + "老会员," + Clients.VOLUNTEER_PHONE + ",\n" + "新人,13900000092,不存在的队\n"
				+ "=HYPERLINK(\"x\"),０" + other.substring(1) + ",\n";
		String id = upload(administrator(), "名单.csv", csv.getBytes(StandardCharsets.UTF_8)).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		HttpGraphQlTester administrator = Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE);
		GraphQlTester.Response preview = administrator.document(PREVIEW).variable("id", id).execute();
		preview.path("rosterImport.validRowCount").entity(Integer.class).isEqualTo(2);
		preview.path("rosterImport.fileName").entity(String.class).isEqualTo("名单.csv");
		preview.path("rosterImport.community.name").entity(String.class).isEqualTo("东亭社区");
		preview.path("rosterImport.appliedAt").valueIsNull();
		preview.path("rosterImport.rows[*].errors[0].code").entityList(String.class)
			.containsExactly("BLANK_NAME", "BAD_PHONE", "DUPLICATE_IN_FILE", "ALREADY_IN_COMMUNITY", "UNKNOWN_TEAM");
		preview.path("rosterImport.rows[6].name").entity(String.class).isEqualTo("=HYPERLINK(\"x\")");
		preview.path("rosterImport.rows[4].errors[0].message").entity(String.class).isNotEqualTo("");
		long before = this.jdbc.sql("SELECT count(*) FROM invitation").query(Long.class).single();

		GraphQlTester.Response applied = administrator.document(APPLY)
			.variable("input", Map.of("rosterImportId", id))
			.execute();
		applied.path("rosterImportApply.userErrors").entityList(Object.class).hasSize(0);
		List<String> codes = applied.path("rosterImportApply.invitations[*].code").entityList(String.class).get();
		assertThat(codes).hasSize(2);
		applied.path("rosterImportApply.invitations[*].invitation.phone").entityList(String.class)
			.containsExactly(good, "0" + other.substring(1));
		applied.path("rosterImportApply.rosterImport.invitations[0].team.name").entity(String.class).isEqualTo("七宝巡逻队");

		administrator.document(APPLY).variable("input", Map.of("rosterImportId", id)).execute()
			.path("rosterImportApply.invitations").entityList(Object.class).hasSize(0);
		assertThat(this.jdbc.sql("SELECT count(*) FROM invitation").query(Long.class).single()).isEqualTo(before + 2);
		assertThat(this.actions.of("identity.rosterImportApply", GlobalId.keyOf(id, "RosterImport"))).singleElement()
			.satisfies(a -> assertThat(a.after()).containsEntry("invitations", 2));

		Clients.anonymous(this.port).document(InvitationTests.ACCEPT)
			.variable("input", Map.of("code", codes.get(0), "password", "roster-member-2026"))
			.execute()
			.path("invitationAccept.account.displayName").entity(String.class).isEqualTo("黄慧兰");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM team_member m JOIN account a ON a.id = m.account_id
				WHERE a.phone = ? AND m.status = 'ACTIVE'""").param(good).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aFileOfFiftyThousandRowsIsRefusedWithAClearError() {
		StringBuilder csv = new StringBuilder("name,phone\n");
		for (int r = 1; r <= 50_000; r++) {
			csv.append("居民").append(r).append(',').append(13_000_000_000L + r).append('\n');
		}
		upload(administrator(), "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code").isEqualTo("ROSTER_TOO_LARGE")
			.jsonPath("$.errors[0].message").isNotEmpty();
	}

	@Test
	void aMalformedFileIsRefusedAndOnlyAdministratorsMayUpload() {
		upload(administrator(), "roster.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code").isEqualTo("ROSTER_UNREADABLE");
		upload(administrator(), "roster.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code").isEqualTo("ROSTER_COLUMNS");
		upload(Clients.token(this.port, Clients.CAPTAIN_PHONE, Clients.DEMO_PASSWORD), "roster.csv",
				"name,phone\n张三,13900000093\n".getBytes(StandardCharsets.UTF_8))
			.expectStatus()
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	private String administrator() {
		return Clients.token(this.port, Clients.ADMINISTRATOR_PHONE, Clients.DEMO_PASSWORD);
	}

	private WebTestClient.ResponseSpec upload(String token, String fileName, byte[] content) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("roster", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		body.part("communityId", this.community);
		return Clients.http(this.port)
			.post()
			.uri(RosterUploadController.PATH)
			.header("Authorization", "Bearer " + token)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

}
