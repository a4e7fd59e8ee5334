package org.qibao.casework;

import java.util.EnumSet;
import java.util.Set;

/**
 * A step of the city case workflow: the stages it may be taken from, the stage it leads to, the
 * timeline entry it writes and who takes it.
 */
enum CaseStep {

	ACCEPT(EnumSet.of(CaseStage.REPORTED), CaseStage.ACCEPTED, CaseEventKind.ACCEPTED, Taker.GRID_WORKER),
	REJECT(EnumSet.of(CaseStage.REPORTED), CaseStage.REJECTED, CaseEventKind.REJECTED, Taker.GRID_WORKER),
	DISPATCH(EnumSet.of(CaseStage.ACCEPTED, CaseStage.REOPENED), CaseStage.DISPATCHED, CaseEventKind.DISPATCHED,
			Taker.GRID_WORKER),
	START(EnumSet.of(CaseStage.DISPATCHED, CaseStage.REOPENED), CaseStage.IN_PROGRESS, CaseEventKind.STARTED,
			Taker.HANDLER),
	RESOLVE(EnumSet.of(CaseStage.IN_PROGRESS), CaseStage.RESOLVED, CaseEventKind.RESOLVED, Taker.HANDLER),
	VERIFY(EnumSet.of(CaseStage.RESOLVED), CaseStage.VERIFIED, CaseEventKind.VERIFIED, Taker.GRID_WORKER),
	REOPEN(EnumSet.of(CaseStage.RESOLVED), CaseStage.REOPENED, CaseEventKind.REOPENED, Taker.GRID_WORKER),
	/** The reporter closes with their satisfaction; a grid worker may close without one. */
	CLOSE(EnumSet.of(CaseStage.VERIFIED), CaseStage.CLOSED, CaseEventKind.CLOSED, Taker.REPORTER_OR_GRID_WORKER);

	/** Who may take a step. */
	enum Taker {
		/** A grid worker responsible for the case's grid, or an administrator of its community. */
		GRID_WORKER,
		/** The account the case is dispatched to, or a member of the department it is dispatched to. */
		HANDLER,
		REPORTER_OR_GRID_WORKER
	}

	private final Set<CaseStage> from;

	private final CaseStage to;

	private final CaseEventKind kind;

	private final Taker taker;

	CaseStep(Set<CaseStage> from, CaseStage to, CaseEventKind kind, Taker taker) {
		this.from = from;
		this.to = to;
		this.kind = kind;
		this.taker = taker;
	}

	boolean allowedFrom(CaseStage stage) {
		return this.from.contains(stage);
	}

	CaseStage to() {
		return this.to;
	}

	CaseEventKind kind() {
		return this.kind;
	}

	Taker taker() {
		return this.taker;
	}

	/** The name a person reads in a refusal, the mutation's: {@code caseAccept}, {@code caseReopen}... */
	String mutation() {
		String name = name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
		return "case" + name;
	}

}
