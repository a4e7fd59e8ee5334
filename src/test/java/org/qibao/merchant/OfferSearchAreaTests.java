package org.qibao.merchant;

import org.junit.jupiter.api.Test;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The area around a volunteer: what is refused, and a box that holds the whole circle. */
class OfferSearchAreaTests {

	@Test
	void positionsThatAreNotOnTheEarthAreRefused() {
		assertRefused(new GeoPoint(Double.NaN, 30.567), "INVALID_COORDINATES");
		assertRefused(new GeoPoint(114.355, Double.POSITIVE_INFINITY), "INVALID_COORDINATES");
		assertRefused(new GeoPoint(181, 30.567), "INVALID_COORDINATES");
		assertRefused(new GeoPoint(114.355, -90.5), "INVALID_COORDINATES");
		assertRefused(new GeoPoint(30.567, 114.355), "INVALID_COORDINATES"); // swapped
		assertRefused(new GeoPoint(0, 0), "INVALID_COORDINATES"); // the null island of broken GPS chips
		assertThatThrownBy(() -> OfferSearchArea.around(null, 2000)).isInstanceOf(BusinessRuleException.class);
	}

	@Test
	void theRadiusDefaultsTo2KilometresAndStaysWithin100MetresAnd20Kilometres() {
		GeoPoint dongting = new GeoPoint(114.355, 30.567);
		assertThat(OfferSearchArea.around(dongting, null).radiusMetres()).isEqualTo(2000);
		assertThat(OfferSearchArea.around(dongting, 100).radiusMetres()).isEqualTo(100);
		assertThat(OfferSearchArea.around(dongting, 20_000).radiusMetres()).isEqualTo(20_000);
		assertThatThrownBy(() -> OfferSearchArea.around(dongting, 99)).isInstanceOf(BusinessRuleException.class)
			.satisfies(e -> assertThat(((BusinessRuleException) e).code()).isEqualTo("INVALID_RADIUS"))
			.satisfies(e -> assertThat(((BusinessRuleException) e).field()).isEqualTo("radiusMetres"));
		assertThatThrownBy(() -> OfferSearchArea.around(dongting, 20_001)).isInstanceOf(BusinessRuleException.class);
		assertThatThrownBy(() -> OfferSearchArea.around(dongting, -5)).isInstanceOf(BusinessRuleException.class);
	}

	@Test
	void theBoxHoldsEveryPointOfTheCircle() {
		for (GeoPoint centre : new GeoPoint[] { new GeoPoint(114.355, 30.567), new GeoPoint(-70.6, -33.4),
				new GeoPoint(18.9, 69.6) }) {
			OfferSearchArea area = OfferSearchArea.around(centre, 20_000);
			for (int bearing = 0; bearing < 360; bearing += 5) {
				GeoPoint edge = destination(centre, bearing, 19_999);
				assertThat(edge.latitude()).isBetween(area.minLatitude(), area.maxLatitude());
				assertThat(edge.longitude()).isBetween(area.minLongitude(), area.maxLongitude());
			}
			assertThat(area.maxLongitude() - area.minLongitude()).isLessThan(2);
		}
	}

	@Test
	void nearAPoleOrAcrossThe180thMeridianTheBoxTakesEveryLongitude() {
		OfferSearchArea pole = OfferSearchArea.around(new GeoPoint(10, 89.9), 20_000);
		assertThat(pole.maxLatitude()).isEqualTo(90);
		assertThat(pole.minLongitude()).isEqualTo(-180);
		assertThat(pole.maxLongitude()).isEqualTo(180);
		OfferSearchArea fiji = OfferSearchArea.around(new GeoPoint(179.95, -16.5), 20_000);
		assertThat(fiji.minLongitude()).isEqualTo(-180);
		assertThat(fiji.maxLongitude()).isEqualTo(180);
	}

	private static void assertRefused(GeoPoint point, String code) {
		assertThatThrownBy(() -> OfferSearchArea.around(point, 2000)).isInstanceOf(BusinessRuleException.class)
			.satisfies(e -> assertThat(((BusinessRuleException) e).code()).isEqualTo(code))
			.satisfies(e -> assertThat(((BusinessRuleException) e).field()).isEqualTo("near"));
	}

	/** The point at a distance and bearing from a start, on the sphere. */
	static GeoPoint destination(GeoPoint start, double bearingDegrees, double metres) {
		double angle = metres / OfferSearchArea.EARTH_RADIUS_METRES;
		double bearing = Math.toRadians(bearingDegrees);
		double lat1 = Math.toRadians(start.latitude());
		double lon1 = Math.toRadians(start.longitude());
		double lat2 = Math.asin(Math.sin(lat1) * Math.cos(angle) + Math.cos(lat1) * Math.sin(angle) * Math.cos(bearing));
		double lon2 = lon1 + Math.atan2(Math.sin(bearing) * Math.sin(angle) * Math.cos(lat1),
				Math.cos(angle) - Math.sin(lat1) * Math.sin(lat2));
		return new GeoPoint(Math.toDegrees(lon2), Math.toDegrees(lat2));
	}

}
