package org.qibao.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qibao.Clients;
import org.qibao.QibaoApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Local mode as a new user runs it: Qibao in a process of its own with no stores configured
 * starts embedded ones, loads the demo, and keeps everything across a stop and a start.
 */
class LocalModeRestartTests {

	private static final Pattern PORT = Pattern.compile("started on port (\\d+)");

	@Test
	void stoppingAndStartingAgainLosesNothing(@TempDir Path dataDir) throws Exception {
		String phone = Clients.uniquePhone();
		try (LocalQibao first = LocalQibao.start(dataDir)) {
			assertThat(first.output()).contains("Loaded the demo community");
			Clients.anonymous(first.port)
				.document("{ me { id } }")
				.execute()
				.path("me").valueIsNull();
			String adminToken = Clients.token(first.port, Clients.ADMINISTRATOR_PHONE, Clients.DEMO_PASSWORD);
			assertThat(adminToken).isNotBlank();
			// a failed sign-in is counted in Redis: it must survive the restart too
			Clients.anonymous(first.port)
				.document("mutation { accountLogin(input: {phone: \"" + phone + "\", password: \"x\"}) { token } }")
				.execute();
		}
		try (LocalQibao second = LocalQibao.start(dataDir)) {
			assertThat(second.output()).as("the demo is loaded once").doesNotContain("Loaded the demo community");
			Clients.signedIn(second.port, Clients.CAPTAIN_PHONE)
				.document("{ me { displayName } }")
				.execute()
				.path("me.displayName").entity(String.class).isEqualTo("黄慧兰");
			assertThat(Files.exists(dataDir.resolve("token-secret"))).isTrue();
		}
	}

	/** Qibao running in a child JVM with the test's class path and no external stores. */
	private static final class LocalQibao implements AutoCloseable {

		private final Process process;

		private final StringBuffer output = new StringBuffer();

		private int port;

		private LocalQibao(Process process) {
			this.process = process;
		}

		static LocalQibao start(Path dataDir) throws IOException, InterruptedException {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
					QibaoApplication.class.getName(), "--server.port=0", "--qibao.data-dir=" + dataDir,
					// as a new user runs it: without the test key of src/test/resources, so a key is made and kept
					"--qibao.security.token-secret="));
			Map<String, String> environment = builder.environment();
			environment.keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("QIBAO_"));
			builder.redirectErrorStream(true);
			LocalQibao qibao = new LocalQibao(builder.start());
			qibao.awaitStarted(Duration.ofMinutes(2));
			return qibao;
		}

		private void awaitStarted(Duration timeout) throws InterruptedException {
			CompletableFuture<Integer> started = new CompletableFuture<>();
			Thread reader = new Thread(() -> {
				try (BufferedReader lines = new BufferedReader(
						new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = lines.readLine()) != null) {
						this.output.append(line).append('\n');
						Matcher matcher = PORT.matcher(line);
						if (matcher.find()) {
							started.complete(Integer.parseInt(matcher.group(1)));
						}
					}
				}
				catch (IOException ex) {
					started.completeExceptionally(ex);
				}
				started.completeExceptionally(new IllegalStateException("Qibao exited before it started"));
			}, "local-qibao-output");
			reader.setDaemon(true);
			reader.start();
			Instant deadline = Instant.now().plus(timeout);
			while (!started.isDone() && Instant.now().isBefore(deadline)) {
				Thread.sleep(200);
			}
			assertThat(started).as(() -> "Qibao did not start:\n" + this.output).isCompleted();
			this.port = started.join();
			// the demo is loaded after the web server is up: wait for the sign-in list it prints
			while (!this.output.toString().contains("Demo sign-ins") && Instant.now().isBefore(deadline)) {
				Thread.sleep(200);
			}
		}

		String output() {
			return this.output.toString();
		}

		@Override
		public void close() throws InterruptedException {
			this.process.destroy();
			assertThat(this.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("Qibao stops within a minute")
				.isTrue();
		}

	}

}
