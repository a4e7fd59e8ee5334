package org.qibao.shared.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Content-Security-Policy and a Referrer-Policy on every answer. The policy allows what the web
 * client needs and nothing else: its own scripts, and WebAssembly compiled from them (the QR
 * decoder, {@code 'wasm-unsafe-eval'}); inline styles (Leaflet positions its map panes with
 * them); images from itself, data and blob URLs and the map's tile host
 * ({@code qibao.web.tile-host}); requests and the GraphQL WebSocket to itself; no frames,
 * plugins or foreign forms. Referrers leave the site as the origin only.
 */
@Component
class SecurityHeaders extends OncePerRequestFilter {

	private final String contentSecurityPolicy;

	SecurityHeaders(@Value("${qibao.web.tile-host:}") String tileHost) {
		String tiles = tileHost.isBlank() ? "" : " " + tileHost.trim();
		this.contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
				+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:" + tiles + "; "
				+ "connect-src 'self'; worker-src 'self' blob:; font-src 'self' data:; media-src 'self' blob:; "
				+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", this.contentSecurityPolicy);
		response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
		chain.doFilter(request, response);
	}

}
