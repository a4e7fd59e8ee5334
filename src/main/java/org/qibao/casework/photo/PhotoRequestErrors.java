package org.qibao.casework.photo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every refusal of a photo request as JSON in the shape of the API's other errors,
 * {@code {"errors":[{"message":…,"extensions":{"code":…}}]}}, with the message in the caller's
 * language. It runs for multipart failures too, which happen before any controller is chosen (a
 * 30 MB upload is refused while it is read). Anything unexpected is logged and answered with a
 * plain 500: no exception text reaches the client.
 */
@Component
class PhotoRequestErrors implements HandlerExceptionResolver, Ordered {

	private static final Log log = LogFactory.getLog(PhotoRequestErrors.class);

	private final MessageSource messages;

	private final JsonMapper json;

	private final PhotoProperties properties;

	PhotoRequestErrors(MessageSource messages, JsonMapper json, PhotoProperties properties) {
		this.messages = messages;
		this.json = json;
		this.properties = properties;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!request.getRequestURI().startsWith(PhotoController.PATH)) {
			return null;
		}
		PhotoRefusal refusal = refusal(ex);
		try {
			write(request, response, refusal);
		}
		catch (IOException writing) {
			log.debug("The photo request's error could not be written: " + writing.getMessage());
		}
		return new ModelAndView();
	}

	private PhotoRefusal refusal(Exception ex) {
		if (ex instanceof PhotoRefusal refusal) {
			return refusal;
		}
		if (ex instanceof MaxUploadSizeExceededException) {
			return new PhotoRefusal(413, "PHOTO_TOO_LARGE", this.properties.maxSize().toMegabytes());
		}
		if (ex instanceof MissingServletRequestPartException || ex instanceof MissingServletRequestParameterException
				|| ex instanceof MultipartException) {
			return new PhotoRefusal(400, "PHOTO_MISSING");
		}
		if (ex instanceof HttpMediaTypeNotSupportedException) {
			return new PhotoRefusal(415, "PHOTO_NOT_MULTIPART");
		}
		if (ex instanceof HttpRequestMethodNotSupportedException) {
			return new PhotoRefusal(405, "METHOD_NOT_ALLOWED");
		}
		log.error("Photo request failed", ex);
		return new PhotoRefusal(500, "SERVER_ERROR");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, PhotoRefusal refusal)
			throws IOException {
		Locale locale = (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) ? request.getLocale()
				: Locale.SIMPLIFIED_CHINESE;
		String message = this.messages.getMessage("error." + refusal.code(), refusal.args(), refusal.code(), locale);
		response.reset();
		response.setStatus(refusal.status());
		if (refusal.status() == 401) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(this.json.writeValueAsString(
				Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", refusal.code()))))));
	}

}
