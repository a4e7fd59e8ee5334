package org.qibao.casework;

import org.qibao.shared.Identified;

/** A department of a community that handles cases, with accounts of its own. */
record Department(long id, long communityId, String name) implements Identified {
}
