package org.qibao.location;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.TestRedis;
import org.qibao.identity.Accounts;
import org.qibao.location.Patrol.Volunteer;
import org.qibao.shared.Throttle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On a Redis Cluster (the {@code redis-cluster} Maven profile), the master that holds the demo
 * community's slot hands it to its replica ({@code CLUSTER FAILOVER}, as an operator does before
 * taking a machine down): the running application follows the new topology by itself, and the live
 * map and a throttle whose subject shares the slot keep working, with nothing lost.
 */
@LocationTest
class ClusterFailoverTests {

	private static final String IN_COMMUNITY = """
			query($community: ID!) { livePatrollersInCommunity(communityId: $community) {
			  checkInId position { longitude latitude } recordedAt } }""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	TestCheckIns checkIns;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	Environment environment;

	Patrol patrol;

	@BeforeEach
	void onACluster() {
		assumeTrue(TestRedis.cluster(this.environment), "a Redis Cluster (mvn -P redis-cluster)");
		this.patrol = new Patrol(this.port, this.jdbc, this.accounts, this.checkIns);
	}

	@Test
	void theLiveMapAndAThrottleKeepWorkingWhenTheirMasterHandsItsSlotsToItsReplica() {
		Volunteer volunteer = this.patrol.checkedIn("主从切换");
		Instant first = Instant.now().minusSeconds(60);
		volunteer.report(Patrol.IN_DT01, first).path("positionReport.accepted").entity(Integer.class).isEqualTo(1);
		// the throttle's subject carries the community's hash tag: its keys live in the live map's slot
		Throttle throttle = new Throttle(this.redis, "test-failover-" + System.nanoTime(), 2, Duration.ofMinutes(1));
		String subject = "c:" + this.patrol.communityId;
		assertThat(throttle.tryTake(subject)).isTrue();

		String promoted = failOverTheMasterOf(new LiveKeys(this.patrol.communityId).patrollers());

		double[] moved = Patrol.east(Patrol.IN_DT01, 30);
		volunteer.report(moved, first.plusSeconds(15)).path("positionReport.accepted").entity(Integer.class).isEqualTo(1);
		assertThat(liveMap()).filteredOn(p -> volunteer.checkInId().equals(p.get("checkInId")))
			.singleElement()
			.satisfies(p -> assertThat(Instant.parse((String) p.get("recordedAt"))).isAfter(first.plusSeconds(14)))
			.satisfies(p -> assertThat(((Number) ((Map<?, ?>) p.get("position")).get("longitude")).doubleValue())
				.isCloseTo(moved[0], org.assertj.core.data.Offset.offset(1e-6)));
		assertThat(throttle.tryTake(subject)).as("the count taken before the failover is on the new master").isTrue();
		assertThat(throttle.tryTake(subject)).as("and the limit still holds").isFalse();
		// the MOVED answers made the application ask for the topology again (adaptive refresh)
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(masterOfTheSlot()).isEqualTo(promoted));
	}

	/** The master of the live map's slot, as the application sees the cluster. */
	private String masterOfTheSlot() {
		try (RedisClusterConnection connection = this.redis.getRequiredConnectionFactory().getClusterConnection()) {
			RedisClusterNode node = connection
				.clusterGetNodeForKey(new LiveKeys(this.patrol.communityId).patrollers().getBytes(StandardCharsets.UTF_8));
			return node.getHost() + ":" + node.getPort();
		}
	}

	/** Asks the replica of the master of the key's slot to take over; its host:port once it has. */
	private String failOverTheMasterOf(String key) {
		List<RedisURI> seeds = TestRedis.clusterNodes().stream().map(node -> RedisURI.create("redis://" + node)).toList();
		RedisClusterClient cluster = RedisClusterClient.create(seeds);
		try {
			cluster.connect().close();
			int slot = SlotHash.getSlot(key);
			io.lettuce.core.cluster.models.partitions.RedisClusterNode master = cluster.getPartitions().getMasterBySlot(slot);
			io.lettuce.core.cluster.models.partitions.RedisClusterNode replica = cluster.getPartitions().stream()
				.filter(node -> master.getNodeId().equals(node.getSlaveOf()))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("The master of slot " + slot + " has no replica"));
			RedisClient node = RedisClient.create(replica.getUri());
			try (StatefulRedisConnection<String, String> connection = node.connect()) {
				assertThat(connection.sync().clusterFailover(false)).isEqualTo("OK");
				await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
					.until(() -> connection.sync().info("replication").contains("role:master"));
			}
			finally {
				node.shutdown();
			}
			return replica.getUri().getHost() + ":" + replica.getUri().getPort();
		}
		finally {
			cluster.shutdown();
		}
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> liveMap() {
		return Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE).document(IN_COMMUNITY)
			.variable("community", this.patrol.community())
			.execute()
			.path("livePatrollersInCommunity").entityList(Map.class).get().stream()
			.map(m -> (Map<String, Object>) m).toList();
	}

}
