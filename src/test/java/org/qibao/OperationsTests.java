package org.qibao;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@QibaoTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsTests {

	@LocalServerPort
	int port;

	@Test
	void healthListsPostgresAndRedisAsUp() {
		Clients.http(this.port)
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.db.status").isEqualTo("UP")
			.jsonPath("$.components.redis.status").isEqualTo("UP");
	}

	@Test
	void prometheusMetricsIncludeGraphQlRequests() {
		Clients.anonymous(this.port).document("{ __typename }").execute();
		String metrics = Clients.http(this.port)
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains("graphql_request_seconds_count").contains("hikaricp_connections");
	}

	@Test
	void signingInLogsNeitherThePasswordNorTheToken(CapturedOutput output,
			@org.springframework.beans.factory.annotation.Autowired org.qibao.identity.Accounts accounts) {
		String phone = Clients.uniquePhone();
		accounts.register(phone, "日志测试", "the-right-secret", "zh-CN");
		int before = output.getAll().length();
		String token = Clients.token(this.port, phone, "the-right-secret");
		Clients.anonymous(this.port)
			.document("mutation { accountLogin(input: {phone: \"" + phone + "\", password: \"a-wrong-secret\"}) { token } }")
			.execute();
		assertThat(output.getAll().substring(before)).contains("signed in")
			.contains("Sign-in failed")
			.doesNotContain("the-right-secret")
			.doesNotContain("a-wrong-secret")
			.doesNotContain(token);
	}

	@Test
	void theWebClientIsServedAtTheRootAndForItsRoutes() {
		for (String path : new String[] { "/", "/login", "/volunteer" }) {
			Clients.http(this.port)
				.get()
				.uri(path)
				.exchange()
				.expectStatus().isOk()
				.expectBody(String.class)
				.value(html -> assertThat(html).as(path).contains("<div id=\"root\">"));
		}
		Clients.http(this.port).get().uri("/assets/missing.js").exchange().expectStatus().isNotFound();
	}

}
