package org.qibao.merchant;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.qibao.shared.BusinessRuleException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** While Redis is unreachable, wrong codes are still limited: each instance counts for itself. */
class CodeAttemptsTests {

	@Test
	void withoutRedisWrongCodesAreStillLimited() {
		LettuceConnectionFactory unreachable = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
		unreachable.afterPropertiesSet();
		unreachable.start();
		try {
			CodeAttempts attempts = new CodeAttempts(new StringRedisTemplate(unreachable), 3, Duration.ofMinutes(15));
			attempts.countWrong(42);
			attempts.countWrong(42);
			attempts.countWrong(42);
			assertThatThrownBy(() -> attempts.checkNotExhausted(42)).isInstanceOfSatisfying(BusinessRuleException.class,
					refused -> org.assertj.core.api.Assertions.assertThat(refused.code()).isEqualTo("TOO_MANY_CODE_ATTEMPTS"));
			assertThatThrownBy(() -> attempts.countWrong(42)).isInstanceOf(BusinessRuleException.class);
			assertThatCode(() -> attempts.countWrong(43)).as("another staff account").doesNotThrowAnyException();
		}
		finally {
			unreachable.destroy();
		}
	}

}
