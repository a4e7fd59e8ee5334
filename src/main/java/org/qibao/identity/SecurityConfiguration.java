package org.qibao.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.support.AuthenticationExtractor;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import reactor.core.publisher.Mono;

/**
 * Stateless bearer-token security. HTTP requests are let through to GraphQL, which
 * authorises each field by role and ownership; a request with a bad token is refused
 * with a GraphQL-shaped error. Over WebSocket, the token comes in {@code connection_init}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Tokens tokens) throws Exception {
		return http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.oauth2ResourceServer(server -> server
				.jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(tokens))
				.authenticationEntryPoint(invalidTokenEntryPoint()))
			.build();
	}

	/**
	 * No observation wrappers round the filter chain, the authentication manager and the
	 * authorization manager: their observations are switched off (application.yml), and the
	 * wrappers still cost every request some 10 µs of a trivial query's CPU.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	JwtDecoder jwtDecoder(Tokens tokens) {
		return tokens.decoder();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationWebSocketInterceptor webSocketAuthentication(Tokens tokens) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(tokens.decoder());
		provider.setJwtAuthenticationConverter(tokens);
		return new AuthenticationWebSocketInterceptor(bearerTokenInConnectionInit(), new ProviderManager(provider));
	}

	/** Spring's extractor casts the value to a string; anything else must be refused, not fail. */
	private static AuthenticationExtractor bearerTokenInConnectionInit() {
		BearerTokenAuthenticationExtractor bearer = new BearerTokenAuthenticationExtractor();
		return payload -> {
			Object authorization = payload.get(BearerTokenAuthenticationExtractor.AUTHORIZATION_KEY);
			if (authorization != null && !(authorization instanceof String)) {
				return Mono.error(new BadCredentialsException("Authorization must be a bearer token"));
			}
			return bearer.getAuthentication(payload);
		};
	}

	private static AuthenticationEntryPoint invalidTokenEntryPoint() {
		return (request, response, ex) -> writeUnauthorized(response);
	}

	private static void writeUnauthorized(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("""
				{"errors":[{"message":"The token is invalid or has expired: sign in again",\
				"extensions":{"classification":"UNAUTHORIZED"}}]}""");
	}

}
