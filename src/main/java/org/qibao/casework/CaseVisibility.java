package org.qibao.casework;

import org.qibao.casework.photo.CasePhotoAccess;
import org.qibao.identity.Actor;
import org.springframework.stereotype.Component;

/**
 * Who may see a case, and so its photos: its reporter, the community's grid workers and
 * administrators, its handler, and the community's volunteers ({@link CaseDesk#sees}).
 */
@Component
class CaseVisibility implements CasePhotoAccess {

	private final Cases cases;

	private final CaseDesks desks;

	CaseVisibility(Cases cases, CaseDesks desks) {
		this.cases = cases;
		this.desks = desks;
	}

	@Override
	public boolean maySee(Actor actor, long caseId) {
		return actor != null && this.cases.find(caseId)
			.map(found -> this.desks.of(actor, found.communityId()).sees(found))
			.orElse(false);
	}

}
