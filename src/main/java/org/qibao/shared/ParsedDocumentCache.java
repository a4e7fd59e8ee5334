package org.qibao.shared;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parsed and validated GraphQL documents, reused by their text. Phones send the same few
 * documents (a position report every 15 s) with new variables, and parsing and validating
 * them each time was a large share of the hottest path. Validation depends only on the
 * document and the schema, so reuse is safe; every execution still passes the depth and
 * complexity limits ({@link QueryLimits}). Caffeine bounds the cache against clients sending endless new documents.
 */
final class ParsedDocumentCache implements PreparsedDocumentProvider {

	private static final int MAX_DOCUMENTS = 1_000;

	private static final int MAX_DOCUMENT_LENGTH = 20_000;

	private final Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder()
		.maximumSize(MAX_DOCUMENTS)
		.build();

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String query = input.getQuery();
		if (query == null || query.length() > MAX_DOCUMENT_LENGTH) {
			return CompletableFuture.completedFuture(parseAndValidate.apply(input));
		}
		return CompletableFuture.completedFuture(this.documents.get(query, text -> parseAndValidate.apply(input)));
	}

}
