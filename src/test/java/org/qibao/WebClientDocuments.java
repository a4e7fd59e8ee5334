package org.qibao;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;

/**
 * The operations the web client sends, read from its sources ({@code web-client/src}), so a test
 * sends a screen's very query: an operation by name, with the fragments it spreads.
 */
public final class WebClientDocuments {

	private static final Pattern OPERATION = Pattern.compile("graphql\\(\\s*`([^`]*)`");

	private WebClientDocuments() {
	}

	/** The named operation and every fragment it uses, as one document. */
	public static String operation(String name) {
		Document all = Parser.parse(String.join("\n", sources()));
		Map<String, FragmentDefinition> fragments = all.getDefinitionsOfType(FragmentDefinition.class)
			.stream()
			.collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
		OperationDefinition operation = all.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.filter(o -> name.equals(o.getName()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("The web client sends no operation " + name));
		Set<String> used = new LinkedHashSet<>();
		Deque<Node<?>> toVisit = new ArrayDeque<>(List.of(operation));
		while (!toVisit.isEmpty()) {
			Node<?> node = toVisit.pop();
			if (node instanceof FragmentSpread spread && used.add(spread.getName())) {
				toVisit.push(fragments.get(spread.getName()));
			}
			node.getChildren().forEach(toVisit::push);
		}
		List<Definition> definitions = new ArrayList<>(List.of(operation));
		used.forEach(f -> definitions.add(fragments.get(f)));
		return AstPrinter.printAst(Document.newDocument().definitions(definitions).build());
	}

	private static List<String> sources() {
		List<String> operations = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("web-client/src"))) {
			for (Path file : files.filter(f -> f.toString().matches(".*\\.tsx?$") && !f.toString().contains("/gql/")).toList()) {
				Matcher matcher = OPERATION.matcher(Files.readString(file));
				while (matcher.find()) {
					operations.add(matcher.group(1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return operations;
	}

}
