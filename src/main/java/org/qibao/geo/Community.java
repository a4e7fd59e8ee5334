package org.qibao.geo;

import java.time.ZoneId;

import org.qibao.shared.Identified;
import org.qibao.shared.Named;

/** A community (社区) or village: the unit that runs teams, a school and a time bank. */
public record Community(long id, long streetId, String name, String timeZone) implements Identified, Named {

	public ZoneId zone() {
		return ZoneId.of(this.timeZone);
	}

}
