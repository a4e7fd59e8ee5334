package org.qibao.shared.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qibao.QibaoTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphQL endpoint, with security and every filter in front of it, passes the
 * GraphQL-over-HTTP audit of the {@code graphql-http} package without an error or a warning.
 * Needs Node and the web client's {@code node_modules}.
 */
@QibaoTest
class GraphQlHttpAuditTests {

	private static final Path AUDIT_SCRIPT = Path.of("web-client", "scripts", "audit-graphql-http.mjs");

	@LocalServerPort
	int port;

	@Test
	void theGraphQlEndpointPassesTheGraphQlOverHttpAuditWithoutWarnings(@TempDir Path outputDir) throws Exception {
		// Output goes to a file, so a long report can never fill the pipe and stall the audit.
		Path outputFile = outputDir.resolve("audit.txt");
		Process audit = new ProcessBuilder("node", AUDIT_SCRIPT.toString(), "http://localhost:" + this.port + "/graphql")
			.directory(Path.of(System.getProperty("user.dir")).toFile())
			.redirectErrorStream(true)
			.redirectOutput(outputFile.toFile())
			.start();
		boolean finished = audit.waitFor(2, TimeUnit.MINUTES);
		if (!finished) {
			audit.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		String output = Files.readString(outputFile, StandardCharsets.UTF_8);
		System.out.print(output);

		assertThat(finished).as("the audit finished within 2 minutes:%n%s", output).isTrue();
		assertThat(audit.exitValue()).as("the audit's exit code:%n%s", output).isZero();
		assertThat(output).as("the audit's closing line:%n%s", output).contains(", 0 failed");
	}

	@Test
	void aBodyThatIsNotAGraphQlRequestIsRefusedWithAGraphQlErrorThatRevealsNothingInternal() throws Exception {
		HttpResponse<String> response = post("{ \"query\": \"{ __typename }\", \"variables\": \"not a map\" }");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/graphql-response+json"));
		assertThat(response.body()).startsWith("{\"errors\":[{\"message\":\"The request is not a GraphQL request")
			.contains("\"classification\":\"BAD_REQUEST\"")
			.doesNotContain("Exception", "java.", "LinkedHashMap", "timestamp", "\"data\"");
	}

	private HttpResponse<String> post(String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
