package org.qibao.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A page of a connection from its arguments, as a client sends them. */
class ConnectionPageTests {

	@Test
	void aCursorTheServerHandedOutStartsThePageAfterIt() {
		Connection.Page page = Connection.Page.of(10, Connection.Page.cursor(19));
		assertThat(page.offset()).isEqualTo(20);
		assertThat(page.limit()).isEqualTo(11);
	}

	@Test
	void aForgedCursorAtTheLargestOffsetIsRefusedNotOverflowed() {
		String forged = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(("offset:" + Integer.MAX_VALUE).getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> Connection.Page.of(10, forged)).isInstanceOf(Connection.InvalidPageException.class);
	}

}
