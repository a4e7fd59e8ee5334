package org.qibao.schemacoverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The schema fields ({@code Type.field}) that the tests' GraphQL requests resolved, kept in files
 * under one directory per build: each test JVM appends a field the first time it sees it, so the
 * check after the tests reads what every fork of the run resolved. The directory is named by the
 * build ({@code qibao.schema-coverage.dir}, set by the POM) so that files of an earlier build never count.
 */
final class FieldsResolved {

	static final String DIRECTORY_PROPERTY = "qibao.schema-coverage.dir";

	private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

	private static final Path FILE = directory().resolve("fields-" + ProcessHandle.current().pid() + ".txt");

	private FieldsResolved() {
	}

	static Path directory() {
		return Path.of(System.getProperty(DIRECTORY_PROPERTY, "target/schema-coverage/unnamed-build"));
	}

	/** Records a field resolved; cheap after the first time. */
	static void record(String coordinate) {
		if (SEEN.add(coordinate)) {
			append(coordinate);
		}
	}

	private static synchronized void append(String coordinate) {
		try {
			Files.createDirectories(FILE.getParent());
			Files.writeString(FILE, coordinate + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every field that a test JVM of this build recorded. */
	static Set<String> read(Path directory) throws IOException {
		Set<String> fields = new TreeSet<>();
		if (!Files.isDirectory(directory)) {
			return fields;
		}
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(f -> f.getFileName().toString().startsWith("fields-")).toList()) {
				Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).forEach(fields::add);
			}
		}
		return fields;
	}

}
