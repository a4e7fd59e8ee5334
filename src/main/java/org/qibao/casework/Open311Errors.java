package org.qibao.casework;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.UserErrors;
import org.springframework.core.Ordered;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import static org.qibao.casework.Open311Document.record;

/**
 * Every refusal at {@code /open311/} in the spec's error format and HTTP status, as XML when the
 * path asks for XML and JSON otherwise: {@code [{"code":400,"description":"…"}]}. A business rule's
 * refusal (swapped coordinates, a description too long) is told in English; anything unexpected
 * is logged and answered with 500, no exception text.
 */
@Component
class Open311Errors implements HandlerExceptionResolver, Ordered {

	private static final Log log = LogFactory.getLog(Open311Errors.class);

	private final Open311Rendering rendering;

	private final UserErrors userErrors;

	Open311Errors(Open311Rendering rendering, UserErrors userErrors) {
		this.rendering = rendering;
		this.userErrors = userErrors;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!request.getRequestURI().startsWith(Open311Controller.PATH)) {
			return null;
		}
		Open311Exception error = error(ex);
		String format = request.getRequestURI().endsWith(".xml") ? "xml" : "json";
		ResponseEntity<String> answer = this.rendering.answer(format, new Open311Document("errors", "error",
				List.of(record("code", error.status(), "description", error.getMessage()))), error.status());
		try {
			response.reset();
			response.setStatus(error.status());
			response.setContentType(answer.getHeaders().getContentType().toString());
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write(answer.getBody());
		}
		catch (IOException writing) {
			log.debug("The Open311 error could not be written: " + writing.getMessage());
		}
		return new ModelAndView();
	}

	private Open311Exception error(Exception ex) {
		if (ex instanceof Open311Exception error) {
			return error;
		}
		if (ex instanceof BusinessRuleException refusal) {
			int status = "NOT_FOUND".equals(refusal.code()) ? 404 : ("NOT_A_VOLUNTEER".equals(refusal.code()) ? 403 : 400);
			String field = (refusal.field() == null) ? "" : refusal.field() + ": ";
			return new Open311Exception(status, field + this.userErrors.of(refusal, Locale.ENGLISH).message());
		}
		if (ex instanceof AccessDeniedException) {
			return new Open311Exception(403, "Not allowed");
		}
		if (ex instanceof NoResourceFoundException) {
			return new Open311Exception(404, "No such Open311 resource: use services.json, services/<code>.json, requests.json or requests/<id>.json (or .xml)");
		}
		if (ex instanceof HttpRequestMethodNotSupportedException) {
			return new Open311Exception(405, "Method not allowed here");
		}
		log.error("Open311 request failed", ex);
		return new Open311Exception(500, "Something went wrong on our side");
	}

}
