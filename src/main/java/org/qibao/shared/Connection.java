package org.qibao.shared;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A Relay connection: one page of a list that grows, with cursors, page information and
 * the total count.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

	public static final int DEFAULT_PAGE_SIZE = 20;

	public static final int MAX_PAGE_SIZE = 100;

	public List<T> nodes() {
		return this.edges.stream().map(Edge::node).toList();
	}

	/**
	 * A page of a list read by offset: {@code rows} holds up to {@code page.size() + 1} rows
	 * from {@code page.offset()}, the extra one telling whether a next page exists.
	 */
	public static <T> Connection<T> of(List<T> rows, Page page, int totalCount) {
		boolean hasNext = rows.size() > page.size();
		List<Edge<T>> edges = new ArrayList<>();
		for (int i = 0; i < Math.min(rows.size(), page.size()); i++) {
			edges.add(new Edge<>(Page.cursor(page.offset() + i), rows.get(i)));
		}
		PageInfo info = new PageInfo(hasNext, page.offset() > 0, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new Connection<>(edges, info, totalCount);
	}

	public record Edge<T>(String cursor, T node) {
	}

	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

	/** Which rows a {@code first/after} request asks for. */
	public record Page(int offset, int size) {

		private static final String PREFIX = "offset:";

		/** Deeper than any list of Qibao's goes; a cursor past it is not one the server handed out. */
		private static final int MAX_OFFSET = 10_000_000;

		/** Reads {@code first} and {@code after}; throws {@link BusinessRuleException} for values out of range. */
		public static Page of(Integer first, String after) {
			int size = first == null ? DEFAULT_PAGE_SIZE : first;
			if (size < 1 || size > MAX_PAGE_SIZE) {
				throw new InvalidPageException("first must be between 1 and " + MAX_PAGE_SIZE);
			}
			return new Page(after == null ? 0 : offsetAfter(after), size);
		}

		static String cursor(int offset) {
			return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
		}

		private static int offsetAfter(String cursor) {
			try {
				String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				if (raw.startsWith(PREFIX)) {
					int offset = Integer.parseInt(raw.substring(PREFIX.length()));
					if (offset >= 0 && offset < MAX_OFFSET) {
						return offset + 1;
					}
				}
			}
			catch (IllegalArgumentException ex) {
				// falls through to the error below
			}
			throw new InvalidPageException("after is not a cursor of this list");
		}

		/** The number of rows to read: one more than the page, to tell whether another follows. */
		public int limit() {
			return this.size + 1;
		}

	}

	/** A {@code first} or {@code after} argument that cannot be served. */
	public static class InvalidPageException extends RuntimeException {

		public InvalidPageException(String message) {
			super(message, null, false, false);
		}

	}

}
