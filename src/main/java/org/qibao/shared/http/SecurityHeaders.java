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
 * ({@code qibao.map.tiles.url-template}, each of its subdomains, and {@code qibao.web.tile-host}); requests and the GraphQL WebSocket to itself; no frames,
 * plugins or foreign forms. Referrers leave the site as the origin only.
 */
@Component
class SecurityHeaders extends OncePerRequestFilter {

	private final String contentSecurityPolicy;

	SecurityHeaders(@Value("${qibao.web.tile-host:}") String tileHost,
			@Value("${qibao.map.tiles.url-template:}") String tileTemplate,
			@Value("${qibao.map.tiles.subdomains:}") java.util.List<String> tileSubdomains) {
		String tiles = (tileHost.isBlank() ? "" : " " + tileHost.trim()) + tileOrigins(tileTemplate, tileSubdomains);
		this.contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
				+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:" + tiles + "; "
				+ "connect-src 'self'; worker-src 'self' blob:; font-src 'self' data:; media-src 'self' blob:; "
				+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
	}

	/** The origins the map's tiles come from ({@code qibao.map.tiles.*}), with {@code {s}} spelled out: " https://a.example …". */
	static String tileOrigins(String template, java.util.List<String> subdomains) {
		java.util.regex.Matcher origin = java.util.regex.Pattern.compile("^(https?://[^/?#]+)").matcher(template.trim());
		if (!origin.find()) {
			return ""; // a path on this server: 'self' covers it
		}
		java.util.List<String> each = subdomains.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
		java.util.Set<String> origins = new java.util.LinkedHashSet<>();
		for (String subdomain : each.isEmpty() ? java.util.List.of("") : each) {
			origins.add(origin.group(1).replace("{s}", subdomain));
		}
		return origins.stream().map(o -> " " + o).reduce("", String::concat);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", this.contentSecurityPolicy);
		response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
		chain.doFilter(request, response);
	}

}
