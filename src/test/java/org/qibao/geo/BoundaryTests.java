package org.qibao.geo;

import org.junit.jupiter.api.Test;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BoundaryTests {

	private static final String SQUARE = """
			{"type":"Polygon","coordinates":[[[114.350,30.560],[114.360,30.560],[114.360,30.570],[114.350,30.570],[114.350,30.560]]]}""";

	@Test
	void aPointInsideIsCoveredAndZeroMetresOutside() {
		Boundary square = Boundary.parse(SQUARE, "boundary");
		GeoPoint inside = new GeoPoint(114.355, 30.565);
		assertThat(square.covers(inside)).isTrue();
		assertThat(square.metresOutside(inside)).isZero();
	}

	@Test
	void aPointOutsideIsMeasuredInMetres() {
		Boundary square = Boundary.parse(SQUARE, "boundary");
		// 0.001° of latitude is about 110.6 m
		GeoPoint north = new GeoPoint(114.355, 30.571);
		assertThat(square.covers(north)).isFalse();
		assertThat(square.metresOutside(north)).isCloseTo(110.6, within(1.0));
		// 0.001° of longitude at 30.57° N is about 95.9 m
		GeoPoint east = new GeoPoint(114.361, 30.565);
		assertThat(square.metresOutside(east)).isCloseTo(95.9, within(1.0));
	}

	@Test
	void aSelfIntersectingRingIsRefused() {
		String bowTie = """
				{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}""";
		assertThatThrownBy(() -> Boundary.parse(bowTie, "boundary")).isInstanceOf(BusinessRuleException.class)
			.extracting("code")
			.isEqualTo("INVALID_POLYGON");
	}

	@Test
	void tooFewPointsAndPositionsOffTheMapAreInvalidPolygons() {
		for (String invalid : new String[] { "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1]]]}",
				"{\"type\":\"Polygon\",\"coordinates\":[[[200,0],[201,0],[201,1],[200,0]]]}" }) {
			assertThatThrownBy(() -> Boundary.parse(invalid, "boundary")).as(invalid)
				.isInstanceOf(BusinessRuleException.class)
				.extracting("code")
				.isEqualTo("INVALID_POLYGON");
		}
	}

	@Test
	void neighboursThatTouchDoNotOverlapButOnesThatCrossDo() {
		Boundary square = Boundary.parse(SQUARE, "boundary");
		assertThat(square.overlaps(Boundary.parse("""
				{"type":"Polygon","coordinates":[[[114.360,30.560],[114.370,30.560],[114.370,30.570],[114.360,30.570],[114.360,30.560]]]}""",
				"boundary"), 2)).isFalse();
		assertThat(square.overlaps(Boundary.parse("""
				{"type":"Polygon","coordinates":[[[114.355,30.560],[114.370,30.560],[114.370,30.570],[114.355,30.570],[114.355,30.560]]]}""",
				"boundary"), 2)).isTrue();
	}

	@Test
	void somethingOtherThanAPolygonIsRefused() {
		for (String notAPolygon : new String[] { "{\"type\":\"Point\",\"coordinates\":[114.3,30.5]}", "not json", "{}" }) {
			assertThatThrownBy(() -> Boundary.parse(notAPolygon, "boundary")).as(notAPolygon)
				.isInstanceOf(BusinessRuleException.class)
				.extracting("code")
				.isEqualTo("INVALID_GEOJSON");
		}
	}

}
