package org.qibao.casework;

import org.qibao.shared.UnavailableException;

/** Redis, which carries case updates between instances, could not be reached; cases themselves are unaffected. */
class CaseUpdatesUnavailableException extends UnavailableException {

	CaseUpdatesUnavailableException(Throwable cause) {
		super("CASE_UPDATES_UNAVAILABLE", "Live case updates are unavailable", cause);
	}

}
