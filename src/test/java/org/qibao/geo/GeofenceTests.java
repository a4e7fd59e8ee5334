package org.qibao.geo;

import org.junit.jupiter.api.Test;
import org.qibao.shared.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The one geofence rule and distance formula, without a server. */
class GeofenceTests {

	/** A 0.002° square (about 190 m by 220 m) near Wuhan. */
	private static final String SQUARE = """
			{"type":"Polygon","coordinates":[[[114.350,30.565],[114.352,30.565],[114.352,30.567],[114.350,30.567],[114.350,30.565]]]}""";

	private final Geofence geofence = new Geofence(null, 25, 150);

	@Test
	void oneDegreeOfLatitudeIsAbout111Kilometres() {
		assertThat(Geofence.metresBetween(new GeoPoint(114.35, 30), new GeoPoint(114.35, 31))).isCloseTo(111_195, within(5.0));
	}

	@Test
	void theToleranceIsTheBaseAllowancePlusThePhonesAccuracyUpToTheLimit() {
		assertThat(this.geofence.toleranceMetres(0)).isEqualTo(25);
		assertThat(this.geofence.toleranceMetres(40)).isEqualTo(65);
		assertThat(this.geofence.toleranceMetres(500)).isEqualTo(175);
		assertThat(this.geofence.toleranceMetres(Double.NaN)).isEqualTo(175);
	}

	@Test
	void aPointInsideIsNoDistanceOutsideAndOneEastIsMeasuredToTheNearestEdge() {
		var boundary = Geofence.prepared(SQUARE);
		assertThat(Geofence.metresOutside(boundary, new GeoPoint(114.351, 30.566))).isZero();
		double metresPerDegreeEast = Geofence.metresBetween(new GeoPoint(114.352, 30.566), new GeoPoint(114.353, 30.566));
		assertThat(Geofence.metresOutside(boundary, new GeoPoint(114.3525, 30.566)))
			.isCloseTo(metresPerDegreeEast / 2, within(0.5));
	}

}
