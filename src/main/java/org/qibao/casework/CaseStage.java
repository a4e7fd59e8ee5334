package org.qibao.casework;

import java.util.EnumSet;
import java.util.Set;

/** Where a case stands in the city case workflow; see {@link CaseWorkflow} for the steps between them. */
enum CaseStage {

	REPORTED, ACCEPTED, REJECTED, DISPATCHED, IN_PROGRESS, RESOLVED, REOPENED, VERIFIED, CLOSED;

	/** The stages whose clock runs towards the resolve-within deadline. */
	static final Set<CaseStage> RESOLVING = EnumSet.of(ACCEPTED, DISPATCHED, IN_PROGRESS, REOPENED);

	/** Open: information may still be added and the case is still someone's work. */
	boolean open() {
		return this != REJECTED && this != CLOSED;
	}

}
