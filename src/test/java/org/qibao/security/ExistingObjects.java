package org.qibao.security;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.qibao.location.PatrolSessions;
import org.springframework.context.ApplicationContext;

/**
 * The operations whose answer turns on whose the object is (an invitation, a correction, a roster,
 * a check-in's track, a case at a stage of the workflow), and for each the real object a caller's
 * request names. An allowed call may use its object up, so each line gets one as it was made: a new
 * one, or the one a refused line left exactly as it was (read back from PostgreSQL), which keeps the
 * demo community from filling up with cases and corrections nobody will touch again.
 */
final class ExistingObjects {

	private final Map<String, Supplier<ExistingObject>> makers;

	private final TrackObjects tracks;

	/** Objects a refusal left as they were made, by operation. */
	private final Map<String, ExistingObject> untouched = new HashMap<>();

	ExistingObjects(ApplicationContext context, int port) {
		Dongting dongting = new Dongting(context, port);
		InvitationObjects invitations = new InvitationObjects(dongting);
		CorrectionObjects corrections = new CorrectionObjects(dongting);
		RosterObjects rosters = new RosterObjects(dongting, port);
		CaseObjects cases = new CaseObjects(dongting);
		this.tracks = new TrackObjects(dongting, context.getBean(PatrolSessions.class));
		Map<String, Supplier<ExistingObject>> makers = new HashMap<>();
		makers.put("Mutation.invitationRevoke", invitations::toRevoke);
		makers.put("Mutation.ledgerCorrectionApprove", corrections::pending);
		makers.put("Mutation.ledgerCorrectionRefuse", corrections::pending);
		makers.put("Query.rosterImport", rosters::toRead);
		makers.put("Mutation.rosterImportApply", rosters::toApply);
		makers.put("Query.patrolTrack", this.tracks::toRead);
		makers.put("Mutation.caseAccept", cases::toAccept);
		makers.put("Mutation.caseReject", cases::toReject);
		makers.put("Mutation.caseDispatch", cases::toDispatch);
		makers.put("Mutation.caseStart", cases::toStart);
		makers.put("Mutation.caseResolve", cases::toResolve);
		makers.put("Mutation.caseVerify", cases::toVerify);
		makers.put("Mutation.caseReopen", cases::toReopen);
		makers.put("Mutation.caseClose", cases::toClose);
		makers.put("Mutation.caseExtensionRequest", cases::toExtend);
		makers.put("Mutation.caseExtensionDecide", cases::toDecideExtension);
		this.makers = Map.copyOf(makers);
	}

	boolean makes(String operation) {
		return this.makers.containsKey(operation);
	}

	/** An object as it was made, for one request of the operation. */
	synchronized ExistingObject make(String operation) {
		ExistingObject untouched = this.untouched.remove(operation);
		return untouched != null ? untouched : this.makers.get(operation).get();
	}

	/** The request was refused and the object is as it was made: the next line may use it. */
	synchronized void untouched(String operation, ExistingObject object) {
		this.untouched.put(operation, object);
	}

	/** Leaves nothing running that other tests would see (the check-in on the live map). */
	void close() {
		this.tracks.close();
	}

}
