package org.qibao.webclient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Checks the page a browser shows with axe-core, the accessibility engine browsers' own
 * developer tools use, against the WCAG 2.1 A and AA rules. axe-core comes with the web client's
 * development dependencies, so the test needs nothing from the network.
 */
final class Accessibility {

	private static final Path AXE = Path.of("web-client", "node_modules", "axe-core", "axe.min.js");

	/** The WCAG 2.1 level A and AA rules: what Qibao's screens promise. */
	private static final String RUN_AXE = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
			                    resultTypes: ['violations'] })
			  .then(result => done(result.violations
			    .filter(v => v.impact === 'serious' || v.impact === 'critical')
			    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
			      + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join(' | '))))
			  .catch(error => done(['axe-core could not run: ' + error]));
			""";

	private static String source;

	private Accessibility() {
	}

	/** The serious and critical violations on the browser's page, one line each; empty when there are none. */
	@SuppressWarnings("unchecked")
	static List<String> seriousViolations(ChromeDriver browser) {
		if (Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'undefined'"))) {
			browser.executeScript(axeSource());
		}
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		return (List<String>) browser.executeAsyncScript(RUN_AXE);
	}

	private static synchronized String axeSource() {
		if (source == null) {
			try {
				source = Files.readString(AXE);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("axe-core is installed with the web client's dependencies (npm ci in web-client)", ex);
			}
		}
		return source;
	}

}
