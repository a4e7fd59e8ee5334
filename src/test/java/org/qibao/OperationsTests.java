package org.qibao;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

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
	void prometheusMetricsIncludeGraphQlRequestsByOutcome() {
		Clients.anonymous(this.port).document("{ __typename }").execute();
		Clients.anonymous(this.port).document("{ noSuchField }").execute();
		String metrics = Clients.http(this.port)
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).containsPattern(
				"graphql_request_seconds_count\\{[^}]*graphql_operation_type=\"query\",graphql_outcome=\"SUCCESS\"[^}]*} [1-9]")
			.containsPattern("graphql_request_seconds_count\\{[^}]*graphql_outcome=\"REQUEST_ERROR\"[^}]*} [1-9]")
			.contains("hikaricp_connections");
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

	@Test
	void theWebClientsFilesGoOutCompressedAndTheBuiltOnesAreKeptForGood() {
		String page = Clients.http(this.port)
			.get()
			.uri("/")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Matcher script = Pattern.compile("/assets/main-[\\w-]+\\.js").matcher(page);
		assertThat(script.find()).as("the page names its script").isTrue();
		Clients.http(this.port)
			.get()
			.uri(script.group())
			.header(HttpHeaders.ACCEPT_ENCODING, "gzip")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CONTENT_ENCODING, "gzip")
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable")
			.expectBody(byte[].class)
			.value(compressed -> assertThat(gunzip(compressed)).contains("createRoot"));
		// a phone that asks for it plainly gets it plainly
		Clients.http(this.port)
			.get()
			.uri(script.group())
			.exchange()
			.expectStatus().isOk()
			.expectHeader().doesNotExist(HttpHeaders.CONTENT_ENCODING);
	}

	private static String gunzip(byte[] compressed) {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
