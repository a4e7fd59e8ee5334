package org.qibao.timebank;

import org.qibao.shared.Identified;
import org.qibao.shared.Named;

/** The community school (社区学校), paid in time-bank minutes. */
public record School(long id, long communityId, String name) implements Identified, Named {
}
