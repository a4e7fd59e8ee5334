package org.qibao.identity;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only one instance alone on its embedded stores may make its own token key. */
class TokenSecretTests {

	@TempDir
	Path dataDir;

	@Test
	void withAnExternalStoreAndNoKeyStartUpFailsSayingWhatToSet() {
		assertThatThrownBy(() -> TokenSecret.of("", this.dataDir, false)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("QIBAO_TOKEN_SECRET");
		assertThat(this.dataDir.resolve("token-secret")).doesNotExist();
	}

	@Test
	void inLocalModeAKeyIsMadeOnceAndKept() {
		byte[] first = TokenSecret.of("", this.dataDir, true);
		assertThat(first).hasSize(32);
		assertThat(TokenSecret.of(null, this.dataDir, true)).isEqualTo(first);
	}

	@Test
	void aConfiguredKeyIsUsedWhateverTheStoresAndMustBeLongEnough() {
		String key = java.util.Base64.getEncoder().encodeToString(new byte[40]);
		assertThat(TokenSecret.of(key, this.dataDir, false)).hasSize(40);
		assertThatThrownBy(() -> TokenSecret.of("c2hvcnQ=", this.dataDir, false)).hasMessageContaining("32 bytes");
		assertThatThrownBy(() -> TokenSecret.of("not base64!", this.dataDir, false)).hasMessageContaining("base64");
	}

}
