package org.qibao.identity;

import java.util.Optional;

/**
 * Something that must be settled before a person can delete their data, told by the module that
 * knows it (an open check-in, say), as a user error code.
 */
public interface ErasureObjection {

	/** The user error code of the reason not to erase this person now, if there is one. */
	Optional<String> objection(long accountId);

}
