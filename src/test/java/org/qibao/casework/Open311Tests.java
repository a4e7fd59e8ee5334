package org.qibao.casework;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.casework.CaseFixtures.Person;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A city system speaks Open311 GeoReport v2 to a community, as FixMyStreet's client does: the
 * service list, form-encoded posts with the key an administrator issued, reads in XML and JSON,
 * and refusals in the spec's error format that change nothing.
 */
@QibaoTest
class Open311Tests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	CaseFixtures fixtures;

	Person administrator;

	String apiKey;

	@BeforeEach
	void aKeyIssuedByAnAdministrator() {
		this.fixtures = new CaseFixtures(this.context, this.port);
		this.administrator = this.fixtures.administrator("开放接口管理员");
		this.apiKey = issue(this.administrator, "市网格化管理平台").get("apiKey").toString();
	}

	@Test
	void aFormEncodedPostWithTheKeyMakesACaseThatEntersTheSameWorkflow() throws Exception {
		Document posted = xml(post("xml", form("api_key", this.apiKey, "service_code", "damaged-facility", "lat", "30.5675",
				"long", "114.3530", "description", "东亭路口路灯不亮 <已两天>", "email", "resident@example.org"))
			.expectStatus().isOk());
		String id = text(posted, "/service_requests/request/service_request_id");

		assertThat(this.fixtures.count("SELECT count(*) FROM grid_case c JOIN grid g ON g.id = c.grid_id "
				+ "WHERE c.id = ? AND c.stage = 'REPORTED' AND g.code = 'DT-01' AND c.reporter_id = ?", Long.parseLong(id),
				this.administrator.account().id())).isOne();
		assertThat(this.fixtures.count("SELECT count(*) FROM case_event WHERE case_id = ? AND kind = 'REPORTED'",
				Long.parseLong(id))).isOne();
		List<Map<String, Object>> read = json(get("/requests/" + id + ".json?api_key=" + this.apiKey));
		assertThat(read).singleElement().satisfies(request -> assertThat(request)
			.containsEntry("service_request_id", id).containsEntry("status", "open")
			.containsEntry("service_code", "damaged-facility").containsEntry("description", "东亭路口路灯不亮 <已两天>")
			.containsEntry("lat", 30.5675).containsEntry("long", 114.353)
			.hasEntrySatisfying("requested_datetime", at -> assertThat(at.toString()).endsWith("+08:00")));
		Document asXml = xml(get("/requests/" + id + ".xml?api_key=" + this.apiKey).expectStatus().isOk());
		assertThat(text(asXml, "/service_requests/request/description")).isEqualTo("东亭路口路灯不亮 <已两天>");
		assertThat(text(asXml, "/service_requests/request/status_notes")).startsWith("Reported");
	}

	@Test
	void theServicesAreTheCommunitysCategoriesInJsonAndXml() throws Exception {
		long dongting = this.fixtures.dongtingKey();

		List<Map<String, Object>> services = json(get("/services.json?jurisdiction_id=" + dongting));
		Document servicesXml = xml(get("/services.xml?jurisdiction_id=" + dongting).expectStatus().isOk());
		Map<String, Object> definition = jsonObject(get("/services/fire-hazard.json?jurisdiction_id=" + dongting));
		Document definitionXml = xml(get("/services/fire-hazard.xml?api_key=" + this.apiKey).expectStatus().isOk());

		assertThat(services).extracting(s -> s.get("service_code")).contains("suspicious-person", "fire-hazard", "other");
		assertThat(services).allSatisfy(s -> assertThat(s).containsEntry("metadata", false).containsEntry("type", "realtime"));
		assertThat(text(servicesXml, "count(/services/service)")).isEqualTo(Integer.toString(services.size()));
		assertThat(definition).containsEntry("service_code", "fire-hazard").containsEntry("attributes", List.of());
		assertThat(text(definitionXml, "/service_definition/service_code")).isEqualTo("fire-hazard");
	}

	@Test
	void requestsAreReadByIdsServiceCodeStatusAndDateWindow() {
		String lamp = postedId("damaged-facility", "路灯不亮");
		String theft = postedId("theft", "车棚电瓶被盗");
		Person gridWorker = this.fixtures.gridWorker("开放接口网格员", "DT-01");
		Map<String, Object> input = new HashMap<>(Map.of("caseId", GlobalId.encode("Case", Long.parseLong(theft)),
				"expectedVersion", 1, "rejection", "INVALID", "reason", "车棚不在本社区"));
		CaseFixtures.caseOf(CaseFixtures.step(gridWorker, "caseReject", "CaseRejectInput", input));

		assertThat(ids(json(get("/requests.json?api_key=" + this.apiKey + "&service_request_id=" + lamp + "," + theft))))
			.containsExactly(lamp, theft);
		assertThat(ids(json(get("/requests.json?api_key=" + this.apiKey + "&service_code=theft")))).contains(theft)
			.doesNotContain(lamp);
		assertThat(ids(json(get("/requests.json?api_key=" + this.apiKey + "&status=closed")))).contains(theft)
			.doesNotContain(lamp);
		assertThat(ids(json(get("/requests.json?api_key=" + this.apiKey + "&status=open")))).contains(lamp)
			.doesNotContain(theft);
		assertThat(ids(json(get("/requests.json?api_key=" + this.apiKey
				+ "&start_date=2020-01-01T00:00:00%2B08:00&end_date=2020-02-01T00:00:00%2B08:00")))).isEmpty();
		assertThat(json(get("/requests/" + theft + ".json?api_key=" + this.apiKey))).singleElement()
			.satisfies(r -> assertThat(r).containsEntry("status", "closed").containsEntry("status_notes", "Rejected: 车棚不在本社区"));
	}

	@Test
	void aWrongKeyOrMissingFieldsAreRefusedInTheSpecsErrorFormatAndChangeNothing() throws Exception {
		long before = casesOfTheAdministrator();

		refused(post("json", form("service_code", "theft", "lat", "30.5675", "long", "114.3530", "description", "x")), 403);
		Document wrongKey = xml(post("xml", form("api_key", "o311_wrong", "service_code", "theft", "lat", "30.5675",
				"long", "114.3530", "description", "x")).expectStatus().isForbidden());
		assertThat(text(wrongKey, "/errors/error/code")).isEqualTo("403");
		assertThat(text(wrongKey, "/errors/error/description")).isEqualTo("Invalid api_key");
		refused(post("json", form("api_key", this.apiKey, "lat", "30.5675", "long", "114.3530", "description", "x")), 400);
		refused(post("json", form("api_key", this.apiKey, "service_code", "no-such", "lat", "30.5675", "long", "114.3530",
				"description", "x")), 404);
		refused(post("json", form("api_key", this.apiKey, "service_code", "theft", "lat", "NaN", "long", "114.3530",
				"description", "x")), 400);
		refused(post("json", form("api_key", this.apiKey, "service_code", "theft", "lat", "30.5675", "long", "114.3530")), 400);
		refused(post("json", form("api_key", this.apiKey, "service_code", "theft", "lat", "30.5675", "long", "114.3530",
				"description", "长".repeat(10_000))), 400);
		List<Map<String, Object>> swapped = refused(post("json", form("api_key", this.apiKey, "service_code", "theft",
				"lat", "114.3530", "long", "30.5675", "description", "x")), 400);
		assertThat(swapped.get(0).get("description").toString()).startsWith("position: ");
		refused(post("json", form("api_key", this.apiKey, "jurisdiction_id", "999999", "service_code", "theft", "lat",
				"30.5675", "long", "114.3530", "description", "x")), 403);
		refused(get("/requests/not-a-number.json?api_key=" + this.apiKey), 400);
		refused(get("/requests/999999999.json?api_key=" + this.apiKey), 404);
		refused(get("/requests.json"), 403);

		assertThat(casesOfTheAdministrator()).isEqualTo(before);
	}

	@Test
	void administratorsListAndRevokeKeysAndARevokedKeyStopsAtOnce() {
		Map<String, Object> issued = issue(this.administrator, "区指挥中心");
		String secret = issued.get("apiKey").toString();
		String keyId = ((Map<?, ?>) issued.get("key")).get("id").toString();
		postedId("other", "测试吊销前", secret);

		List<Map<String, Object>> keys = this.administrator.client()
			.document("query($c: ID!) { open311Keys(communityId: $c) { id label issuedAt revokedAt lastUsedAt } }")
			.variable("c", this.fixtures.dongting())
			.execute()
			.path("open311Keys")
			.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.get();
		assertThat(keys).filteredOn(k -> keyId.equals(k.get("id"))).singleElement()
			.satisfies(k -> assertThat(k).containsEntry("label", "区指挥中心").containsEntry("revokedAt", null)
				.hasEntrySatisfying("lastUsedAt", at -> assertThat(at).isNotNull()));
		this.administrator.client()
			.document("mutation($input: Open311KeyRevokeInput!) { open311KeyRevoke(input: $input) { key { revokedAt } userErrors { code } } }")
			.variable("input", Map.of("keyId", keyId))
			.execute()
			.path("open311KeyRevoke.key.revokedAt").hasValue();

		refused(post("json", form("api_key", secret, "service_code", "other", "lat", "30.5675", "long", "114.3530",
				"description", "吊销之后")), 403);
		Person volunteer = this.fixtures.volunteer("想要密钥的志愿者");
		volunteer.client()
			.document("mutation($input: Open311KeyIssueInput!) { open311KeyIssue(input: $input) { apiKey userErrors { code } } }")
			.variable("input", Map.of("communityId", this.fixtures.dongting(), "label", "我的"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "FORBIDDEN")));
		Map<String, Object> blank = issue(this.administrator, " ");
		assertThat(blank.get("apiKey")).isNull();
		assertThat(blank.get("userErrors").toString()).contains("INVALID_TEXT");
	}

	@Test
	void aRequestsPhotoIsAtItsMediaUrlForTheKeysHolderWithoutAToken() {
		String id = postedId("damaged-facility", "井盖缺失");
		String token = Clients.token(this.port, this.administrator.phone(), Clients.DEMO_PASSWORD);
		org.springframework.http.client.MultipartBodyBuilder body = new org.springframework.http.client.MultipartBodyBuilder();
		body.part("photo", new org.springframework.core.io.ByteArrayResource(org.qibao.casework.photo.PhotoBytes.jpeg()) {
			@Override
			public String getFilename() {
				return "manhole.jpg";
			}
		});
		String photoId = Clients.http(this.port).post().uri("/api/casework/photos")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(body.build()).exchange()
			.expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
		this.context.getBean(org.springframework.transaction.support.TransactionTemplate.class)
			.executeWithoutResult(status -> this.context.getBean(org.qibao.casework.photo.CasePhotos.class)
				.attach(this.administrator.account().id(), Long.parseLong(id), List.of(java.util.UUID.fromString(photoId))));

		String mediaUrl = json(get("/requests/" + id + ".json?api_key=" + this.apiKey)).get(0).get("media_url").toString();

		assertThat(mediaUrl).startsWith("http://localhost:" + this.port + "/open311/v2/media/").contains(photoId);
		Clients.http(this.port).get().uri(java.net.URI.create(mediaUrl)).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType(MediaType.IMAGE_JPEG)
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
		refused(Clients.http(this.port).get().uri(java.net.URI.create(mediaUrl.replace("sig=", "sig=x"))).exchange(), 404);
		refused(Clients.http(this.port).get()
			.uri(java.net.URI.create(mediaUrl.replace(photoId, java.util.UUID.randomUUID().toString()))).exchange(), 404);
	}

	private Map<String, Object> issue(Person admin, String label) {
		return admin.client()
			.document("""
					mutation($input: Open311KeyIssueInput!) {
					  open311KeyIssue(input: $input) { apiKey key { id label } userErrors { code message } } }""")
			.variable("input", Map.of("communityId", this.fixtures.dongting(), "label", label))
			.execute()
			.path("open311KeyIssue")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	private String postedId(String serviceCode, String description) {
		return postedId(serviceCode, description, this.apiKey);
	}

	private String postedId(String serviceCode, String description, String key) {
		List<Map<String, Object>> posted = json(post("json", form("api_key", key, "service_code", serviceCode, "lat",
				"30.5675", "long", "114.3530", "description", description)).expectStatus().isOk());
		return posted.get(0).get("service_request_id").toString();
	}

	private long casesOfTheAdministrator() {
		return this.fixtures.count("SELECT count(*) FROM grid_case WHERE reporter_id = ?", this.administrator.account().id());
	}

	private static MultiValueMap<String, String> form(String... namesAndValues) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			form.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		return form;
	}

	private WebTestClient.ResponseSpec post(String format, MultiValueMap<String, String> form) {
		return Clients.http(this.port).post().uri("/open311/v2/requests." + format)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange();
	}

	private WebTestClient.ResponseSpec get(String path) {
		return Clients.http(this.port).get().uri(java.net.URI.create("http://localhost:" + this.port + "/open311/v2" + path)).exchange();
	}

	private static List<Map<String, Object>> json(WebTestClient.ResponseSpec response) {
		return response.expectStatus().isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private static Map<String, Object> jsonObject(WebTestClient.ResponseSpec response) {
		return response.expectStatus().isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private static List<Map<String, Object>> refused(WebTestClient.ResponseSpec response, int status) {
		List<Map<String, Object>> errors = response.expectStatus().isEqualTo(status)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(errors).singleElement().satisfies(e -> assertThat(e).containsEntry("code", status)
			.hasEntrySatisfying("description", d -> assertThat(d.toString()).isNotBlank().doesNotContain("Exception")));
		return errors;
	}

	private static List<String> ids(List<Map<String, Object>> requests) {
		return requests.stream().map(r -> r.get("service_request_id").toString()).toList();
	}

	private static Document xml(WebTestClient.ResponseSpec response) throws Exception {
		byte[] body = response.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_XML)
			.expectBody(byte[].class).returnResult().getResponseBody();
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
	}

	private static String text(Document document, String xpath) throws Exception {
		return XPathFactory.newInstance().newXPath().evaluate(xpath, document);
	}

}
