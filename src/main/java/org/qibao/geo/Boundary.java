package org.qibao.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
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
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;

/**
 * A grid's boundary: a valid GeoJSON Polygon or MultiPolygon in WGS84, tested with JTS.
 * Distances are great-circle metres to the boundary's nearest point, as {@link Geofence} measures them.
 */
final class Boundary {

	private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

	private final Geometry geometry;

	private Boundary(Geometry geometry) {
		this.geometry = geometry;
	}

	/**
	 * Reads and validates a boundary ({@link PolygonRules}); refuses anything else with
	 * {@code INVALID_GEOJSON} or {@code INVALID_POLYGON}.
	 */
	static Boundary parse(String geoJson, String field) {
		PolygonRules.checkRings(geoJson, field);
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
		Boundary boundary = new Boundary(geometry);
		PolygonRules.checkShape(geometry, geometry.isEmpty() ? 0 : boundary.inMetres(boundary.midLatitude()).getArea(),
				field);
		return boundary;
	}

	/**
	 * Whether this boundary and another overlap by more than a sliver: touching edges never count,
	 * and an overlap narrower than {@code toleranceMetres} (a shared border drawn twice with GPS)
	 * does not either. Measured in a local metric projection, which is exact enough at a grid's size.
	 */
	boolean overlaps(Boundary other, double toleranceMetres) {
		if (!envelope().intersects(other.envelope())) {
			return false;
		}
		Geometry common = OverlayNGRobust.overlay(this.geometry, other.geometry, OverlayNG.INTERSECTION);
		if (common.isEmpty() || common.getDimension() < 2 || common.getArea() == 0) {
			return false;
		}
		Geometry metres = new Boundary(common).inMetres(midLatitude());
		return !metres.buffer(-toleranceMetres / 2).isEmpty();
	}

	/** The boundary in metres east and north, with longitudes shrunk at {@code latitude}: for areas and widths. */
	private Geometry inMetres(double latitude) {
		double metresPerDegree = 111_320;
		double east = metresPerDegree * Math.cos(Math.toRadians(latitude));
		Geometry copy = this.geometry.copy();
		copy.apply((CoordinateFilter) c -> {
			c.x = c.x * east;
			c.y = c.y * metresPerDegree;
		});
		copy.geometryChanged();
		return copy;
	}

	private double midLatitude() {
		Envelope box = envelope();
		return (box.getMinY() + box.getMaxY()) / 2;
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
