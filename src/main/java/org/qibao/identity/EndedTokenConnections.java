package org.qibao.identity;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.shared.LiveConnections;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Closes the WebSocket connections of a token that has ended, on every instance, as soon as the
 * change is heard: a phone signed out elsewhere, or whose password was changed, stops receiving
 * its subscriptions at once instead of at the next role check or never. Connections of the
 * account whose token is still good (another phone) stay open.
 */
@Component
class EndedTokenConnections implements DisposableBean {

	private static final Log log = LogFactory.getLog(EndedTokenConnections.class);

	/** Off the thread that committed the change or heard it: a check reads PostgreSQL. */
	private final ExecutorService checks = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "ended-token-connections");
		thread.setDaemon(true);
		return thread;
	});

	EndedTokenConnections(TokenStandings standings, Tokens tokens, ObjectProvider<LiveConnections> connections) {
		standings.whenChanged(accountId -> connections.ifAvailable(live -> check(live, tokens, accountId)));
	}

	private void check(LiveConnections live, Tokens tokens, long accountId) {
		try {
			this.checks.execute(() -> {
				try {
					live.closeEnded(authentication -> authentication instanceof ActorAuthentication actor
							&& actor.getPrincipal().accountId() == accountId && !tokens.stillGood((Jwt) actor.getCredentials()));
				}
				catch (RuntimeException ex) {
					// PostgreSQL away: the connection's next role check refuses it instead
					log.warn("Could not check the connections of account " + accountId + ": " + ex.getMessage());
				}
			});
		}
		catch (RejectedExecutionException ex) {
			log.debug("Not checking connections of account " + accountId + ": shutting down");
		}
	}

	@Override
	public void destroy() {
		this.checks.shutdownNow();
	}

}
