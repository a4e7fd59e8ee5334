package org.qibao.shared;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.ObjectField;
import graphql.language.StringValue;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.qibao.shared.GraphQlConventions.QueryLimitException;

/**
 * Refuses, before anything runs, an operation whose text input holds a control character
 * ({@link InputText}): every string in its variables and every string written in its document,
 * whatever the field, so that no mutation has to remember the rule. The verdict on a document's
 * own strings is kept by its text, as phones send the same few documents with new variables.
 */
final class TextInputRules extends SimplePerformantInstrumentation {

	private static final int MAX_DOCUMENTS = 1_000;

	private final Cache<String, Optional<String>> documents = Caffeine.newBuilder().maximumSize(MAX_DOCUMENTS).build();

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		Optional<String> refused = inVariables(context.getExecutionInput().getRawVariables().toMap());
		if (refused.isEmpty()) {
			String query = context.getExecutionInput().getQuery();
			refused = query == null ? inDocument(context.getDocument())
					: this.documents.get(query, text -> inDocument(context.getDocument()));
		}
		if (refused.isPresent()) {
			throw new QueryLimitException("BAD_REQUEST", "The input " + refused.get()
					+ " holds a control character; only tab, line feed and carriage return are allowed in text");
		}
		return null;
	}

	/** The path of the first variable, or part of one, that holds a control character. */
	private static Optional<String> inVariables(Map<String, Object> variables) {
		for (Map.Entry<String, Object> variable : variables.entrySet()) {
			// the path is spelt out only for a refusal: a batch of reports has hundreds of fields
			if (holdsControlCharacter(variable.getValue())) {
				return offending("$" + variable.getKey(), variable.getValue());
			}
		}
		return Optional.empty();
	}

	private static boolean holdsControlCharacter(Object value) {
		if (value instanceof String text) {
			return InputText.hasControlCharacter(text);
		}
		if (value instanceof Map<?, ?> object) {
			for (Object field : object.values()) {
				if (holdsControlCharacter(field)) {
					return true;
				}
			}
		}
		else if (value instanceof List<?> list) {
			for (Object item : list) {
				if (holdsControlCharacter(item)) {
					return true;
				}
			}
		}
		return false;
	}

	private static Optional<String> offending(String path, Object value) {
		if (value instanceof String text) {
			return InputText.hasControlCharacter(text) ? Optional.of(path) : Optional.empty();
		}
		if (value instanceof Map<?, ?> object) {
			for (Map.Entry<?, ?> field : object.entrySet()) {
				Optional<String> inner = offending(path + "." + field.getKey(), field.getValue());
				if (inner.isPresent()) {
					return inner;
				}
			}
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				Optional<String> inner = offending(path + "[" + i + "]", list.get(i));
				if (inner.isPresent()) {
					return inner;
				}
			}
		}
		return Optional.empty();
	}

	/** The name of the first argument (or input field) written in the document with a control character. */
	private static Optional<String> inDocument(Document document) {
		String[] found = new String[1];
		new NodeTraverser().preOrder(new NodeVisitorStub() {

			@Override
			public TraversalControl visitStringValue(StringValue node, TraverserContext<Node> context) {
				if (InputText.hasControlCharacter(node.getValue())) {
					found[0] = nameOf(context);
					return TraversalControl.QUIT;
				}
				return TraversalControl.CONTINUE;
			}

		}, document);
		return Optional.ofNullable(found[0]);
	}

	private static String nameOf(TraverserContext<Node> context) {
		for (Node<?> parent : context.getParentNodes()) {
			if (parent instanceof ObjectField field) {
				return field.getName();
			}
			if (parent instanceof Argument argument) {
				return argument.getName();
			}
		}
		return "in the document";
	}

}
