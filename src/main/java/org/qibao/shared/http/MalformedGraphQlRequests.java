package org.qibao.shared.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.graphql.MediaTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UrlPathHelper;

/**
 * Answers a POST to the GraphQL endpoint whose body is not a GraphQL request (not JSON, no
 * string {@code query}, a {@code variables} that is not a map…) with a 400 whose body is a
 * GraphQL response, in the media type the client accepts. Left to Spring MVC, the 400 carries
 * Boot's error page ({@code timestamp}, {@code path}) labelled as
 * {@code application/graphql-response+json}, which a GraphQL client cannot read. The parser's
 * message stays in the log: it names Java types and offsets that say nothing to a client.
 */
@Component
class MalformedGraphQlRequests implements HandlerExceptionResolver, Ordered {

	private static final Log log = LogFactory.getLog(MalformedGraphQlRequests.class);

	private static final String BODY = """
			{"errors":[{"message":"The request is not a GraphQL request: send a JSON object with a string \
			\\"query\\" and, if needed, a string \\"operationName\\" and objects \\"variables\\" and \\"extensions\\"",\
			"extensions":{"classification":"BAD_REQUEST"}}]}""";

	private static final UrlPathHelper PATHS = new UrlPathHelper();

	private final String graphQlPath;

	MalformedGraphQlRequests(@Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
		this.graphQlPath = graphQlPath;
	}

	/** Ahead of Spring MVC's resolvers (order 0), behind Boot's, which only records the error. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			Object handler, Exception ex) {
		if (!isUnreadableRequest(ex) || response.isCommitted()
				|| !this.graphQlPath.equals(PATHS.getPathWithinApplication(request))) {
			return null;
		}
		log.debug("Refused a malformed GraphQL request: " + ex.getMessage());
		try {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType(responseType(request).toString());
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write(BODY);
			return new ModelAndView();
		}
		catch (IOException writeFailed) {
			log.debug("Could not answer a malformed GraphQL request", writeFailed);
			return null;
		}
	}

	/** Spring's GraphQL handler raises these while reading the request, before anything runs. */
	private static boolean isUnreadableRequest(Exception ex) {
		return ex instanceof HttpMessageNotReadableException || ex instanceof ServerWebInputException;
	}

	/** The first of the GraphQL media types the client lists, as Spring's handler chooses. */
	private static MediaType responseType(HttpServletRequest request) {
		for (MediaType accepted : acceptedTypes(request)) {
			if (accepted.equalsTypeAndSubtype(MediaTypes.APPLICATION_GRAPHQL_RESPONSE)) {
				return MediaTypes.APPLICATION_GRAPHQL_RESPONSE;
			}
			if (accepted.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)) {
				return MediaType.APPLICATION_JSON;
			}
		}
		return MediaType.APPLICATION_JSON;
	}

	private static List<MediaType> acceptedTypes(HttpServletRequest request) {
		try {
			return MediaType.parseMediaTypes(request.getHeader(HttpHeaders.ACCEPT));
		}
		catch (InvalidMediaTypeException ex) {
			return List.of();
		}
	}

}
