package org.qibao.location;

import java.util.Set;

import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;
import org.qibao.shared.FieldsWithoutDataLoaders;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LocationProperties.class)
class LocationConfiguration {

	/**
	 * Position reports are stored without the phone waiting (see {@link PositionReporting}), each
	 * by one script run that Lettuce writes and flushes on its own: a system call in Qibao and a
	 * read in Redis per report. Netty's flush consolidation sends the runs that queued up while
	 * Lettuce's event loop was busy in one write instead.
	 */
	/** The position reports' fetchers load nothing, so reports skip the data loaders' dispatching. */
	@Bean
	FieldsWithoutDataLoaders positionReportFields() {
		return new FieldsWithoutDataLoaders("Mutation", Set.of("positionReport", "positionReportBatch"));
	}

	@Bean
	ClientResourcesBuilderCustomizer consolidatedRedisFlushes() {
		return resources -> resources.nettyCustomizer(new NettyCustomizer() {
			@Override
			public void afterChannelInitialized(Channel channel) {
				channel.pipeline().addFirst(new FlushConsolidationHandler(256, true));
			}
		});
	}

}
