package org.qibao.shared;

import java.util.List;

import graphql.execution.AbortExecutionException;
import graphql.scalars.ExtendedScalars;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.WiringFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SchemaReport;

/**
 * The conventions every module's part of the schema follows: scalars, opaque global IDs
 * on every {@code Node}, limits on what one request may ask for, and a start-up that fails
 * when a schema field has nothing to fetch it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimits.class)
class GraphQlConventions {

	private static final Log log = LogFactory.getLog(GraphQlConventions.class);

	@Bean
	RuntimeWiringConfigurer scalarsAndGlobalIds() {
		GraphQLScalarType geoJson = GraphQLScalarType.newScalar(ExtendedScalars.Json)
			.name("GeoJSON")
			.description("A GeoJSON object")
			.build();
		GraphQLScalarType json = GraphQLScalarType.newScalar(ExtendedScalars.Json)
			.name("JSON")
			.description("Any JSON value")
			.build();
		return new RuntimeWiringConfigurer() {

			@Override
			public void configure(RuntimeWiring.Builder builder) {
				builder.scalar(DateTimeScalar.INSTANCE).scalar(MonthScalar.INSTANCE).scalar(geoJson).scalar(json);
			}

			@Override
			public void configure(RuntimeWiring.Builder builder, List<WiringFactory> container) {
				container.add(new GlobalIdWiring());
			}

		};
	}

	@Bean
	QueryLimits queryLimits(@Value("${qibao.graphql.max-depth}") int maxDepth,
			@Value("${qibao.graphql.max-complexity}") int maxComplexity) {
		return new QueryLimits(maxDepth, maxComplexity);
	}

	@Bean
	TextInputRules textInputRules() {
		return new TextInputRules();
	}

	@Bean
	ListInputLimits listInputLimits() {
		return new ListInputLimits();
	}

	@Bean
	DataLoaderFreeOperations dataLoaderFreeOperations(ObjectProvider<FieldsWithoutDataLoaders> declared) {
		return new DataLoaderFreeOperations(declared.orderedStream().toList());
	}

	@Bean
	SubscriptionTransport subscriptionTransport() {
		return new SubscriptionTransport();
	}

	/** The rate-limited mutations, counted in Redis or, for the position reports, in this instance. */
	@Bean
	GraphQlSourceBuilderCustomizer rateLimitedMutations(RateLimits limits, StringRedisTemplate redis) {
		RateLimitedMutations visitor = new RateLimitedMutations(limits, redis);
		return builder -> builder.typeVisitorsToTransformSchema(List.of(visitor));
	}

	@Bean
	GraphQlRequestMetrics graphQlRequestMetrics(MeterRegistry meters) {
		return new GraphQlRequestMetrics(meters);
	}

	@Bean
	GraphQlSourceBuilderCustomizer schemaChecksAndDocumentCache() {
		ParsedDocumentCache documents = new ParsedDocumentCache();
		return builder -> builder.inspectSchemaMappings(GraphQlConventions::failOnUnmappedFields)
			.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
	}

	private static void failOnUnmappedFields(SchemaReport report) {
		log.info(report);
		if (!report.unmappedFields().isEmpty() || !report.unmappedArguments().isEmpty()) {
			throw new IllegalStateException("Schema fields or arguments without a data fetcher: " + report);
		}
	}

	/** Serves {@code id} on every type that implements {@code Node} as an opaque global ID. */
	private static final class GlobalIdWiring implements WiringFactory {

		@Override
		public boolean providesDataFetcher(FieldWiringEnvironment environment) {
			return "id".equals(environment.getFieldDefinition().getName())
					&& environment.getParentType() instanceof graphql.language.ObjectTypeDefinition type
					&& type.getImplements().stream().anyMatch(t -> t instanceof graphql.language.TypeName n && n.getName().equals("Node"));
		}

		@Override
		public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
			String typeName = environment.getParentType().getName();
			return env -> GlobalId.encode(typeName, ((Identified) env.getSource()).id());
		}

	}

	/** A request that asks for more than one request may; an error with its own classification. */
	static final class QueryLimitException extends AbortExecutionException {

		private final String classification;

		QueryLimitException(String classification, String message) {
			super(message);
			this.classification = classification;
		}

		@Override
		public java.util.Map<String, Object> getExtensions() {
			return java.util.Map.of("classification", this.classification);
		}

	}

}
