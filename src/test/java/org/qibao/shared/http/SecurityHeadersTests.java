package org.qibao.shared.http;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Every answer, page or API, carries a Content-Security-Policy and a Referrer-Policy. */
@QibaoTest
class SecurityHeadersTests {

	@LocalServerPort
	int port;

	@Test
	void pagesAndApiAnswersCarryTheSecurityHeaders() {
		for (String path : new String[] { "/", "/volunteer" }) {
			Clients.http(this.port).get().uri(path).exchange()
				.expectStatus().isOk()
				.expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
					.contains("default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'",
							"frame-ancestors 'none'")
					.doesNotContain("'unsafe-eval'"))
				.expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin");
		}
		Clients.http(this.port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ __typename }\"}").exchange()
			.expectHeader().exists("Content-Security-Policy")
			.expectHeader().exists("Referrer-Policy");
	}

}
