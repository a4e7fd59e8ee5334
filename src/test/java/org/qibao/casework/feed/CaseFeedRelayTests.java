package org.qibao.casework.feed;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.casework.CaseworkPartsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Case events go from the outbox to the city's stream once each, in order, whatever happens to
 * the relay or to Redis, and a consumer group keyed by event ID sees each once.
 */
@CaseworkPartsTest
class CaseFeedRelayTests {

	@Autowired
	CaseFeed feed;

	@Autowired
	CaseFeedRelay relay;

	@Autowired
	CaseFeedOutbox outbox;

	@Autowired
	CityStreamWriter streams;

	@Autowired
	FeedProperties properties;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eventsReachTheirCityStreamInTheOrderTheyWereRecordedWithTheirEventIds() {
		long city = newCity();
		List<CaseFeedEvent> recorded = record(city, 101, 3);
		recorded.addAll(record(city, 102, 2));

		this.relay.relayPending();

		List<MapRecord<String, Object, Object>> entries = entries(city);
		assertThat(entries).extracting(e -> e.getValue().get("event_id"))
			.containsExactlyElementsOf(recorded.stream().map(e -> e.eventId().toString()).toList());
		Map<Object, Object> first = entries.get(0).getValue();
		assertThat(first).containsEntry("type", "case.reported")
			.containsEntry("case_id", "101")
			.containsEntry("city_id", Long.toString(city))
			.containsEntry("community_id", "7")
			.containsEntry("occurred_at", recorded.get(0).occurredAt().toString())
			.containsEntry("payload", "{\"note\": \"第0步\", \"step\": 0}");
		assertThat(unrelayed(city)).isZero();
		assertThat(this.jdbc.sql("SELECT stream_entry_id FROM case_feed_outbox WHERE city_id = ? ORDER BY sequence")
			.param(city).query(String.class).list()).containsExactlyElementsOf(entries.stream().map(e -> e.getId().getValue()).toList());
	}

	@Test
	void anEventRecordedWithAChangeThatRollsBackIsNeverRelayed() {
		long city = newCity();
		assertThatThrownBy(() -> this.transaction.executeWithoutResult(status -> {
			this.feed.record(event(city, 201, 0));
			throw new IllegalStateException("the change to the case fails");
		})).hasMessage("the change to the case fails");

		this.relay.relayPending();

		assertThat(this.jdbc.sql("SELECT count(*) FROM case_feed_outbox WHERE city_id = ?").param(city).query(Long.class).single()).isZero();
		assertThat(this.redis.hasKey(new CityStream(city).key())).isFalse();
	}

	@Test
	void anEventIsRecordedOnlyWithinTheTransactionOfItsChange() {
		assertThatThrownBy(() -> this.feed.record(event(newCity(), 301, 0)))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void aRelayThatDiesBetweenAppendingAndBookkeepingDuplicatesNothingWhenTheNextOneRuns() {
		long city = newCity();
		List<CaseFeedEvent> recorded = record(city, 401, 4);
		ExampleConsumer consumer = new ExampleConsumer(this.redis, city, "grid-case-system", "c1");
		CaseFeedRelay dying = relay((cityId, appended) -> {
			if (cityId == city) {
				throw new IllegalStateException("the relay dies here");
			}
		}, Clock.systemUTC());

		assertThatThrownBy(dying::relayPending).hasMessage("the relay dies here");
		assertThat(entries(city)).hasSize(4);
		assertThat(unrelayed(city)).isEqualTo(4);
		consumer.poll();

		this.relay.relayPending();

		assertThat(entries(city)).hasSize(4);
		assertThat(unrelayed(city)).isZero();
		consumer.poll();
		assertThat(consumer.delivered).isEqualTo(4);
		assertThat(consumer.handledEventIds()).containsExactlyElementsOf(ids(recorded));
	}

	@Test
	void relaysOnManyInstancesAtOnceAppendEachEventOnceAndInOrder() throws Exception {
		long city = newCity();
		long otherCity = newCity();
		List<CaseFeedEvent> recorded = new ArrayList<>();
		List<CaseFeedEvent> otherRecorded = new ArrayList<>();
		for (int c = 0; c < 10; c++) {
			recorded.addAll(record(city, 500 + c, 3));
			otherRecorded.addAll(record(otherCity, 600 + c, 2));
		}

		List<Integer> appended = Bursts.race(6, i -> relay((cityId, entries) -> {
		}, Clock.systemUTC())::relayPending);

		assertThat(appended.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(50);
		assertThat(entries(city)).extracting(e -> e.getValue().get("event_id")).containsExactlyElementsOf(ids(recorded));
		assertThat(entries(otherCity)).extracting(e -> e.getValue().get("event_id"))
			.containsExactlyElementsOf(ids(otherRecorded));
		assertThat(unrelayed(city) + unrelayed(otherCity)).isZero();
	}

	@Test
	void aStreamRedisLostIsWrittenAgainFromTheOutboxAndTheConsumerSeesEachEventOnce() {
		long city = newCity();
		List<CaseFeedEvent> recorded = record(city, 701, 3);
		recorded.addAll(record(city, 702, 2));
		this.relay.relayPending();
		ExampleConsumer consumer = new ExampleConsumer(this.redis, city, "grid-case-system", "c1");
		consumer.poll();

		this.redis.delete(new CityStream(city).key());
		int replayed = this.relay.replay(city);

		assertThat(replayed).isEqualTo(5);
		assertThat(entries(city)).extracting(e -> e.getValue().get("event_id")).containsExactlyElementsOf(ids(recorded));
		consumer.poll();
		assertThat(consumer.delivered).isEqualTo(10);
		assertThat(consumer.handledEventIds()).containsExactlyElementsOf(ids(recorded));
	}

	@Test
	void theUpkeepFindsAStreamRedisLostWholeAndWritesItAgain() {
		long city = newCity();
		List<CaseFeedEvent> recorded = record(city, 751, 3);
		this.relay.relayPending();
		ExampleConsumer consumer = new ExampleConsumer(this.redis, city, "grid-case-system", "c1");
		consumer.poll();
		this.redis.delete(new CityStream(city).key());

		assertThat(this.relay.replayLostStreams()).isGreaterThanOrEqualTo(3);

		assertThat(entries(city)).extracting(e -> e.getValue().get("event_id")).containsExactlyElementsOf(ids(recorded));
		consumer.poll();
		assertThat(consumer.handledEventIds()).containsExactlyElementsOf(ids(recorded));
		assertThat(this.relay.replayLostStreams()).isZero();
	}

	@Test
	void aReplayAppendsOnlyWhatTheStreamLostAndKeepsTheConsumerGroups() {
		long city = newCity();
		List<CaseFeedEvent> recorded = record(city, 801, 3);
		this.relay.relayPending();
		ExampleConsumer consumer = new ExampleConsumer(this.redis, city, "grid-case-system", "c1");
		consumer.poll();
		String lostEntry = entries(city).get(1).getId().getValue();
		this.redis.opsForStream().delete(new CityStream(city).key(), lostEntry);

		assertThat(this.relay.replay(city)).isEqualTo(1);

		assertThat(entries(city)).extracting(e -> e.getValue().get("event_id"))
			.containsExactly(ids(recorded).get(0), ids(recorded).get(2), ids(recorded).get(1));
		consumer.poll();
		assertThat(consumer.delivered).isEqualTo(4);
		assertThat(consumer.handledEventIds()).containsExactlyElementsOf(ids(recorded));
	}

	@Test
	void entriesOlderThanTheRetentionAreTrimmedAndTheirEventIdsForgotten() {
		long city = newCity();
		CityStream stream = new CityStream(city);
		String longAgo = Instant.now().minus(this.properties.retention()).minusSeconds(3600).toEpochMilli() + "-0";
		appendedLongAgo(stream, longAgo, "5b0c3c8e-4bd8-4c1a-9a51-0d5e0c1f0001");
		List<CaseFeedEvent> recent = record(city, 901, 2);

		this.relay.relayPending();

		assertThat(entries(city)).extracting(e -> e.getValue().get("event_id")).containsExactlyElementsOf(ids(recent));
		assertThat(this.redis.opsForHash().keys(stream.appendedEvents())).containsExactlyInAnyOrderElementsOf(ids(recent));
		assertThat(this.redis.opsForZSet().size(stream.appendedTimes())).isEqualTo(2);
	}

	@Test
	void aStreamWithNothingNewIsTrimmedToo() {
		long city = newCity();
		record(city, 951, 2);
		this.relay.relayPending();
		Clock pastTheRetention = Clock.offset(Clock.systemUTC(), this.properties.retention().plusMinutes(1));

		relay((cityId, appended) -> {
		}, pastTheRetention).trimStreams();

		assertThat(entries(city)).isEmpty();
		assertThat(this.redis.opsForZSet().size(new CityStream(city).appendedTimes())).isZero();
	}

	@Test
	void whileRedisCannotBeReachedEventsWaitInTheOutbox() throws Exception {
		long city = newCity();
		List<CaseFeedEvent> recorded = record(city, 1001, 2);
		LettuceConnectionFactory unreachable = unreachableRedis();
		try {
			CaseFeedRelay cutOff = new CaseFeedRelay(this.outbox, new CityStreamWriter(new StringRedisTemplate(unreachable)),
					this.transaction, this.properties);

			assertThat(cutOff.relayPending()).isZero();
			assertThat(unrelayed(city)).isEqualTo(2);
		}
		finally {
			unreachable.destroy();
		}
		this.relay.relayPending();
		assertThat(entries(city)).extracting(e -> e.getValue().get("event_id")).containsExactlyElementsOf(ids(recorded));
	}

	/** An entry a relay appended long ago, as the relay's script notes it. */
	private void appendedLongAgo(CityStream stream, String entryId, String eventId) {
		this.redis.opsForStream().add(org.springframework.data.redis.connection.stream.StreamRecords
			.string(Map.of("event_id", eventId)).withStreamKey(stream.key()).withId(org.springframework.data.redis.connection.stream.RecordId.of(entryId)));
		this.redis.opsForHash().put(stream.appendedEvents(), eventId, entryId);
		this.redis.opsForZSet().add(stream.appendedTimes(), eventId, Double.parseDouble(entryId.substring(0, entryId.indexOf('-'))));
	}

	private CaseFeedRelay relay(CaseFeedRelay.AfterAppend afterAppend, Clock clock) {
		return new CaseFeedRelay(this.outbox, this.streams, this.transaction, this.properties, afterAppend, clock);
	}

	/** Records {@code count} events of a case, each in a transaction of its own, as its changes are. */
	private List<CaseFeedEvent> record(long city, long caseId, int count) {
		List<CaseFeedEvent> events = new ArrayList<>();
		for (int step = 0; step < count; step++) {
			CaseFeedEvent event = event(city, caseId, step);
			this.transaction.executeWithoutResult(status -> this.feed.record(event));
			events.add(event);
		}
		return events;
	}

	private static CaseFeedEvent event(long city, long caseId, int step) {
		return new CaseFeedEvent(UUID.randomUUID(), caseId, city, 7, (step == 0) ? "case.reported" : "case.step" + step,
				Instant.parse("2026-12-07T08:00:00Z").plusSeconds(step),
				Map.of("step", step, "note", "第" + step + "步"));
	}

	private List<MapRecord<String, Object, Object>> entries(long city) {
		return this.redis.opsForStream().range(new CityStream(city).key(), Range.unbounded());
	}

	private long unrelayed(long city) {
		return this.jdbc.sql("SELECT count(*) FROM case_feed_outbox WHERE city_id = ? AND relayed_at IS NULL")
			.param(city)
			.query(Long.class)
			.single();
	}

	private static List<String> ids(List<CaseFeedEvent> events) {
		return events.stream().map(e -> e.eventId().toString()).toList();
	}

	/** City keys far from any real one, new on every run. */
	private static long newCity() {
		return 1_000_000 + ThreadLocalRandom.current().nextLong(1_000_000_000);
	}

	private static LettuceConnectionFactory unreachableRedis() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", closedPort),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

}
