package org.qibao.casework.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Appends events to a city's stream, each at most once: the script that appends an event also
 * notes its event ID beside the stream, and skips an event noted already. So a relay that dies
 * after appending and before its bookkeeping, and appends the same events again, adds nothing.
 * The same script trims the stream by age (MINID) and forgets the event IDs of trimmed entries.
 */
@Component
class CityStreamWriter {

	/**
	 * KEYS: the stream, event ID → entry ID (hash), event IDs by entry time (sorted set).
	 * ARGV: the oldest entry time kept (ms), the strings per event, then per event its ID and its
	 * fields. Returns each event's entry ID, the one it was appended as before where it was.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> APPEND = RedisScript.of("""
			local width = tonumber(ARGV[2])
			local entries = {}
			local i = 3
			while i <= #ARGV do
			  local event = ARGV[i]
			  local entry = redis.call('HGET', KEYS[2], event)
			  if not entry then
			    entry = redis.call('XADD', KEYS[1], '*', unpack(ARGV, i + 1, i + width))
			    redis.call('HSET', KEYS[2], event, entry)
			    redis.call('ZADD', KEYS[3], string.match(entry, '^%d+'), event)
			  end
			  entries[#entries + 1] = entry
			  i = i + 1 + width
			end
			redis.call('XTRIM', KEYS[1], 'MINID', ARGV[1])
			local old = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', '(' .. ARGV[1], 'LIMIT', 0, 5000)
			if #old > 0 then
			  redis.call('HDEL', KEYS[2], unpack(old))
			  redis.call('ZREM', KEYS[3], unpack(old))
			end
			return entries""", List.class);

	private static final int PAGE = 1000;

	private final StringRedisTemplate redis;

	CityStreamWriter(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * Appends the city's events in order (those not appended before) and trims entries older than
	 * {@code keepFrom}; each event's entry ID.
	 */
	Map<UUID, String> append(long cityId, List<OutboxEvent> events, Instant keepFrom) {
		CityStream stream = new CityStream(cityId);
		List<String> arguments = new ArrayList<>();
		arguments.add(Long.toString(keepFrom.toEpochMilli()));
		arguments.add(Integer.toString(OutboxEvent.ENTRY_FIELD_STRINGS));
		for (OutboxEvent event : events) {
			arguments.add(event.eventId().toString());
			arguments.addAll(event.entryFields());
		}
		List<?> entryIds = this.redis.execute(APPEND,
				List.of(stream.key(), stream.appendedEvents(), stream.appendedTimes()), arguments.toArray());
		Map<UUID, String> appended = new LinkedHashMap<>();
		for (int i = 0; i < events.size(); i++) {
			appended.put(events.get(i).eventId(), String.valueOf(entryIds.get(i)));
		}
		return appended;
	}

	/** Trims the city's stream of entries older than {@code keepFrom}, with nothing to append. */
	void trim(long cityId, Instant keepFrom) {
		append(cityId, List.of(), keepFrom);
	}

	/** Whether the city's stream exists (an emptied stream still does; a lost one does not). */
	boolean exists(long cityId) {
		return Boolean.TRUE.equals(this.redis.hasKey(new CityStream(cityId).key()));
	}

	/**
	 * Makes the index of appended events say what the stream holds now (it may have lost entries,
	 * or all of them): the event IDs it holds.
	 */
	Set<UUID> reindex(long cityId) {
		CityStream stream = new CityStream(cityId);
		this.redis.delete(List.of(stream.appendedEvents(), stream.appendedTimes()));
		Set<UUID> held = new HashSet<>();
		Range<String> range = Range.closed("-", "+");
		while (true) {
			List<MapRecord<String, Object, Object>> page = this.redis.opsForStream()
				.range(stream.key(), range, Limit.limit().count(PAGE));
			if (page == null || page.isEmpty()) {
				return held;
			}
			Map<String, String> entries = new LinkedHashMap<>();
			for (MapRecord<String, Object, Object> record : page) {
				Object eventId = record.getValue().get("event_id");
				if (eventId != null) {
					entries.put(eventId.toString(), record.getId().getValue());
					held.add(UUID.fromString(eventId.toString()));
				}
			}
			index(stream, entries);
			String last = page.get(page.size() - 1).getId().getValue();
			range = Range.leftOpen(last, "+");
		}
	}

	private void index(CityStream stream, Map<String, String> entries) {
		if (entries.isEmpty()) {
			return;
		}
		this.redis.opsForHash().putAll(stream.appendedEvents(), entries);
		Set<org.springframework.data.redis.core.ZSetOperations.TypedTuple<String>> times = new HashSet<>();
		entries.forEach((event, entry) -> times.add(org.springframework.data.redis.core.ZSetOperations.TypedTuple
			.of(event, Double.valueOf(entry.substring(0, entry.indexOf('-'))))));
		this.redis.opsForZSet().add(stream.appendedTimes(), times);
	}

}
