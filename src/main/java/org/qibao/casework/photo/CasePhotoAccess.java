package org.qibao.casework.photo;

import org.qibao.identity.Actor;

/**
 * Who may see a case, and so its photos: the rule belongs to the case workflow (the reporter, the
 * grid workers of its grid, its handler, the community's administrators), which implements it as
 * a bean. The photo download asks it before serving an attached photo; while no bean
 * implements it, an attached photo is served to its uploader only.
 */
public interface CasePhotoAccess {

	/** Whether the actor may see the case (and its photos); false for a case that does not exist. */
	boolean maySee(Actor actor, long caseId);

}
