package org.qibao.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's language is kept with their account, so that it follows them to another phone. */
@QibaoTest
class AccountLocaleTests {

	private static final String SET = """
			mutation($input: AccountLocaleSetInput!) {
			  accountLocaleSet(input: $input) { account { locale } userErrors { code message field } } }""";

	private static final String PASSWORD = "locale-test-2026";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Test
	void aPersonKeepsTheirLanguageWithTheirAccount() {
		String phone = Clients.uniquePhone();
		this.accounts.register(phone, "陈秀英", PASSWORD, "zh-CN");
		HttpGraphQlTester client = Clients.signedIn(this.port, phone, PASSWORD);
		client.document(SET).variable("input", Map.of("locale", "en")).execute()
			.path("accountLocaleSet.account.locale").entity(String.class).isEqualTo("en")
			.path("accountLocaleSet.userErrors").entityList(Object.class).hasSize(0);
		Clients.signedIn(this.port, phone, PASSWORD).document("{ me { locale } }").execute()
			.path("me.locale").entity(String.class).isEqualTo("en");
	}

	@Test
	void aLanguageQibaoDoesNotSpeakIsRefusedAndChangesNothing() {
		String phone = Clients.uniquePhone();
		this.accounts.register(phone, "刘志强", PASSWORD, "zh-CN");
		HttpGraphQlTester client = Clients.signedIn(this.port, phone, PASSWORD);
		for (String locale : new String[] { "fr", "", "EN", "zh-CN; DROP TABLE account" }) {
			client.document(SET).variable("input", Map.of("locale", locale)).execute()
				.path("accountLocaleSet.account").valueIsNull()
				.path("accountLocaleSet.userErrors[0].code").entity(String.class).isEqualTo("UNSUPPORTED_LOCALE")
				.path("accountLocaleSet.userErrors[0].field").entityList(String.class).containsExactly("input", "locale");
		}
		client.document("{ me { locale } }").execute().path("me.locale").entity(String.class).isEqualTo("zh-CN");
	}

	@Test
	void onlyASignedInPersonHasALanguageToSet() {
		Clients.anonymous(this.port).document(SET).variable("input", Map.of("locale", "en")).execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "UNAUTHORIZED"));
	}

}
