package org.qibao.casework.feed;

/**
 * A city's case event stream and the keys beside it. All share the hash tag {@code {city:<id>}},
 * so that on a Redis Cluster they live in one slot and one script can write them together.
 */
record CityStream(long cityId) {

	/** The stream downstream systems read: {@code qibao:{city:<id>}:case-events}. */
	String key() {
		return "qibao:{city:" + this.cityId + "}:case-events";
	}

	/** Event ID → the entry ID it was appended as: what makes an append idempotent. */
	String appendedEvents() {
		return key() + ":appended";
	}

	/** Event IDs by their entry's time in milliseconds: what lets the index be trimmed with the stream. */
	String appendedTimes() {
		return key() + ":appended-at";
	}

}
