package org.qibao.casework.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A downstream system reading a city's case events as docs/casework.md tells it to: through a
 * consumer group (created at the stream's start, with the stream if need be), first what it was
 * given and did not acknowledge (it may have died in between), then new entries; each event
 * handled once by its event ID, whatever the entry it comes in, and acknowledged after.
 */
public class ExampleConsumer {

	private final StringRedisTemplate redis;

	private final String stream;

	private final String group;

	private final String name;

	/** The event IDs handled: the downstream system keeps them with its work, in its own store. */
	private final Set<String> handled = new LinkedHashSet<>();

	/** Each event as it was handled (once per event ID). */
	public final List<Map<Object, Object>> events = new ArrayList<>();

	/** Every entry delivered, duplicates of handled events included. */
	int delivered;

	public ExampleConsumer(StringRedisTemplate redis, long cityId, String group, String name) {
		this.redis = redis;
		this.stream = new CityStream(cityId).key();
		this.group = group;
		this.name = name;
	}

	/** Reads and handles everything there is for this consumer now. */
	public void poll() {
		ensureGroup();
		handle(ReadOffset.from("0"));
		while (handle(ReadOffset.lastConsumed()) > 0) {
			// until the group has nothing new
		}
	}

	public List<String> handledEventIds() {
		return List.copyOf(this.handled);
	}

	private int handle(ReadOffset offset) {
		List<MapRecord<String, Object, Object>> records = this.redis.opsForStream()
			.read(Consumer.from(this.group, this.name), StreamReadOptions.empty().count(100),
					StreamOffset.create(this.stream, offset));
		if (records == null || records.isEmpty()) {
			return 0;
		}
		for (MapRecord<String, Object, Object> record : records) {
			this.delivered++;
			if (this.handled.add((String) record.getValue().get("event_id"))) {
				this.events.add(record.getValue());
			}
			this.redis.opsForStream().acknowledge(this.stream, this.group, record.getId());
		}
		return records.size();
	}

	/** XGROUP CREATE <stream> <group> 0 MKSTREAM; a group there already (BUSYGROUP) is fine. */
	private void ensureGroup() {
		try {
			this.redis.execute((RedisCallback<String>) connection -> connection.streamCommands()
				.xGroupCreate(this.stream.getBytes(), this.group, ReadOffset.from("0"), true));
		}
		catch (RedisSystemException ex) {
			String message = ex.getMostSpecificCause().getMessage();
			if (message == null || !message.contains("BUSYGROUP")) {
				throw ex;
			}
		}
	}

}
