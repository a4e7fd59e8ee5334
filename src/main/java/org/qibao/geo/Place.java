package org.qibao.geo;

import org.qibao.shared.Identified;
import org.qibao.shared.Named;

/** The administrative levels above a grid: city, district, street and community. */
final class Place {

	private Place() {
	}

	record City(long id, String name) implements Identified, Named {
	}

	record District(long id, long cityId, String name) implements Identified, Named {
	}

	record Street(long id, long districtId, String name) implements Identified, Named {
	}

}
