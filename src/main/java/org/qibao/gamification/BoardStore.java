package org.qibao.gamification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.DefaultTypedTuple;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The leaderboards' Redis side: incremental adds, whole-board swaps after a rebuild, and pages.
 * Every Redis failure becomes {@link LeaderboardUnavailableException} on reads; a failed add marks
 * the board for a rebuild on its next read, so boards recover by themselves.
 */
@Component
class BoardStore {

	private static final Log log = LogFactory.getLog(BoardStore.class);

	private static final RedisScript<Long> ADD = RedisScript.of(text("gamification/board-add.lua"), Long.class);

	private static final RedisScript<Long> SWAP = RedisScript.of(text("gamification/board-swap.lua"), Long.class);

	private static final int CHUNK = 1000;

	private final StringRedisTemplate redis;

	/** Boards an add could not reach: rebuilt from PostgreSQL when next read. */
	private final Set<String> missedAdds = ConcurrentHashMap.newKeySet();

	BoardStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/** One member's score on one board. */
	record Score(long memberId, long points, long minute) {
	}

	/** Adds points to built boards; boards not built yet are left to their first read. */
	void add(Board board, long memberId, long points, long minute) {
		try {
			this.redis.execute(ADD, List.of(board.key(), board.builtKey()), Board.member(memberId), Long.toString(points),
					Long.toString(minute));
		}
		catch (DataAccessException | io.lettuce.core.RedisException ex) {
			this.missedAdds.add(board.key());
			log.warn("Leaderboard " + board.key() + " missed an add; it is rebuilt when next read: " + ex.getMessage());
		}
	}

	/** True when the board is built and no add has missed it since. */
	boolean built(Board board) {
		try {
			return !this.missedAdds.contains(board.key()) && Boolean.TRUE.equals(this.redis.hasKey(board.builtKey()));
		}
		catch (DataAccessException | io.lettuce.core.RedisException ex) {
			throw new LeaderboardUnavailableException(ex);
		}
	}

	/** Replaces the board with these scores and marks it built. */
	void replace(Board board, List<Score> scores) {
		String copy = board.key() + ":new";
		try {
			this.redis.delete(copy);
			for (int from = 0; from < scores.size(); from += CHUNK) {
				Set<TypedTuple<String>> chunk = new HashSet<>();
				for (Score s : scores.subList(from, Math.min(scores.size(), from + CHUNK))) {
					chunk.add(new DefaultTypedTuple<>(Board.member(s.memberId()), Board.score(s.points(), s.minute())));
				}
				this.redis.opsForZSet().add(copy, chunk);
			}
			this.redis.execute(SWAP, List.of(board.key(), board.builtKey(), copy));
			this.missedAdds.remove(board.key());
		}
		catch (DataAccessException | io.lettuce.core.RedisException ex) {
			throw new LeaderboardUnavailableException(ex);
		}
	}

	/** Members from {@code offset}, best first, with their points. */
	Map<Long, Long> page(Board board, int offset, int count) {
		try {
			Set<TypedTuple<String>> rows = this.redis.opsForZSet()
				.reverseRangeWithScores(board.key(), offset, offset + count - 1L);
			Map<Long, Long> page = new LinkedHashMap<>();
			for (TypedTuple<String> row : rows == null ? Set.<TypedTuple<String>>of() : rows) {
				page.put(Board.memberId(row.getValue()), Board.points(row.getScore()));
			}
			return page;
		}
		catch (DataAccessException | io.lettuce.core.RedisException ex) {
			throw new LeaderboardUnavailableException(ex);
		}
	}

	/** Every member with its exact score, best first (for comparing a rebuild with the running board). */
	List<String> dump(Board board) {
		Set<TypedTuple<String>> rows = this.redis.opsForZSet().reverseRangeWithScores(board.key(), 0, -1);
		List<String> out = new ArrayList<>();
		for (TypedTuple<String> row : rows == null ? Set.<TypedTuple<String>>of() : rows) {
			out.add(Board.memberId(row.getValue()) + "=" + String.format("%.0f", row.getScore()));
		}
		return out;
	}

	long size(Board board) {
		try {
			Long size = this.redis.opsForZSet().zCard(board.key());
			return size == null ? 0 : size;
		}
		catch (DataAccessException | io.lettuce.core.RedisException ex) {
			throw new LeaderboardUnavailableException(ex);
		}
	}

	/** The member's 0-based position, or null when not on the board. */
	Long position(Board board, long memberId) {
		try {
			return this.redis.opsForZSet().reverseRank(board.key(), Board.member(memberId));
		}
		catch (DataAccessException | io.lettuce.core.RedisException ex) {
			throw new LeaderboardUnavailableException(ex);
		}
	}

	Long pointsOf(Board board, long memberId) {
		Double score = this.redis.opsForZSet().score(board.key(), Board.member(memberId));
		return score == null ? null : Board.points(score);
	}

	private static String text(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
