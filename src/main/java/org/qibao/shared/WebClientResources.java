package org.qibao.shared;

import java.io.IOException;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web client built into {@code static/}: its files as they are, {@code /graphiql}
 * as the bundled GraphiQL page, and every other page path as {@code index.html}, where the
 * client's router takes over. Paths that look like files are never rewritten, so a missing
 * script is a 404 and not a page.
 * <p>
 * The build names every file under {@code assets/} after its content, so a phone keeps those for
 * good and never asks again; the pages that name them are checked with the server on every visit,
 * so a new release is seen at once. (The server compresses them on the way: see
 * {@code server.compression} in {@code application.yml}.)
 */
@Configuration(proxyBeanMethods = false)
class WebClientResources implements WebMvcConfigurer {

	/** Off in production ({@code qibao.graphiql.enabled}): /graphiql is then a 404 like any missing file. */
	private final boolean graphiql;

	WebClientResources(@Value("${qibao.graphiql.enabled:true}") boolean graphiql) {
		this.graphiql = graphiql;
	}

	private static final Resource INDEX = new ClassPathResource("static/index.html");

	private static final Resource GRAPHIQL = new ClassPathResource("static/graphiql.html");

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations("classpath:/static/assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.resourceChain(true);
		registry.addResourceHandler("/**")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.noCache())
			.resourceChain(true)
			.addResolver(new ClientRoutes(this.graphiql));
	}

	private static final class ClientRoutes extends PathResourceResolver {

		private final boolean graphiql;

		ClientRoutes(boolean graphiql) {
			this.graphiql = graphiql;
		}

		@Override
		protected Resource getResource(String path, Resource location) throws IOException {
			if (!this.graphiql && (path.equals("graphiql") || path.equals("graphiql.html"))) {
				return null;
			}
			Resource file = super.getResource(path, location);
			if (file != null) {
				return file;
			}
			if (path.equals("graphiql")) {
				return GRAPHIQL.exists() ? GRAPHIQL : null;
			}
			boolean pagePath = !path.contains(".") && !path.startsWith("graphql") && !path.startsWith("actuator");
			return pagePath && INDEX.exists() ? INDEX : null;
		}

	}

}
