package org.qibao.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;

/**
 * A grid's boundary: a valid GeoJSON Polygon or MultiPolygon in WGS84, tested with JTS.
 * Distances are great-circle metres to the boundary's nearest point, as {@link Geofence} measures them.
 */
final class Boundary {

	static final int MAX_VERTICES = 10_000;

	private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

	private final Geometry geometry;

	private Boundary(Geometry geometry) {
		this.geometry = geometry;
	}

	/** Reads and validates a boundary; refuses anything else with {@code INVALID_GEOJSON}. */
	static Boundary parse(String geoJson, String field) {
		Geometry geometry;
		try {
			geometry = new GeoJsonReader(FACTORY).read(geoJson);
		}
		catch (ParseException | RuntimeException ex) {
			throw new BusinessRuleException("INVALID_GEOJSON", field, "not GeoJSON");
		}
		if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
			throw new BusinessRuleException("INVALID_GEOJSON", field, "not a Polygon or MultiPolygon");
		}
		if (geometry.isEmpty() || geometry.getNumPoints() > MAX_VERTICES) {
			throw new BusinessRuleException("INVALID_GEOJSON", field, "empty or over " + MAX_VERTICES + " points");
		}
		for (Coordinate c : geometry.getCoordinates()) {
			if (!new GeoPoint(c.x, c.y).isValid()) {
				throw new BusinessRuleException("INVALID_GEOJSON", field, "a coordinate is outside WGS84 ranges");
			}
		}
		IsValidOp validity = new IsValidOp(geometry);
		if (!validity.isValid()) {
			throw new BusinessRuleException("INVALID_GEOJSON", field, validity.getValidationError().getMessage());
		}
		return new Boundary(geometry);
	}

	/** Reads a boundary that was validated when it was stored. */
	static Boundary stored(String geoJson) {
		try {
			return new Boundary(new GeoJsonReader(FACTORY).read(geoJson));
		}
		catch (ParseException ex) {
			throw new IllegalStateException("A stored grid boundary is not GeoJSON", ex);
		}
	}

	boolean covers(GeoPoint point) {
		return this.geometry.covers(point(point));
	}

	/** How far the point lies outside the boundary, in metres ({@link Geofence}'s formula); 0 inside or on it. */
	double metresOutside(GeoPoint point) {
		return Geofence.metresOutside(PreparedGeometryFactory.prepare(this.geometry), point);
	}

	Envelope envelope() {
		return this.geometry.getEnvelopeInternal();
	}

	/** A point guaranteed inside the boundary, for centring a map. */
	GeoPoint interiorPoint() {
		Point p = this.geometry.getInteriorPoint();
		return new GeoPoint(p.getX(), p.getY());
	}

	private static Point point(GeoPoint point) {
		return FACTORY.createPoint(new Coordinate(point.longitude(), point.latitude()));
	}

}
