package org.qibao.patrol;

import org.qibao.shared.Identified;
import org.qibao.shared.Named;

/** A patrol team of a community. */
public record Team(long id, long communityId, String name) implements Identified, Named {
}
