package org.qibao.location;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.shared.GeoPoint;
import org.springframework.stereotype.Component;

/**
 * The geofence step: which of a shift's grids a position lies in. Grid boundaries are parsed
 * once and kept in memory as prepared geometries (this is the hot path); a redrawn boundary is
 * picked up within a minute.
 */
@Component
class PatrolArea {

	private static final Duration REFRESH = Duration.ofMinutes(1);

	private static final double EARTH_RADIUS_METRES = 6_371_008.8;

	private static final GeometryFactory FACTORY = new GeometryFactory();

	private final Geography geography;

	private final Map<Long, Fence> fences = new ConcurrentHashMap<>();

	PatrolArea(Geography geography) {
		this.geography = geography;
	}

	/** The grid among these that the point lies in (allowing the tolerance), or null when none. */
	Long gridOf(List<Long> gridIds, GeoPoint point, double toleranceMetres) {
		Point p = FACTORY.createPoint(new Coordinate(point.longitude(), point.latitude()));
		Long nearest = null;
		double nearestMetres = toleranceMetres;
		for (Long gridId : gridIds) {
			Fence fence = fence(gridId);
			if (fence == null) {
				continue;
			}
			if (fence.geometry().covers(p)) {
				return gridId;
			}
			Coordinate[] closest = DistanceOp.nearestPoints(fence.geometry().getGeometry(), p);
			double metres = metresBetween(new GeoPoint(closest[0].x, closest[0].y), point);
			if (metres <= nearestMetres) {
				nearest = gridId;
				nearestMetres = metres;
			}
		}
		return nearest;
	}

	/** The great-circle distance between two points, in metres. */
	static double metresBetween(GeoPoint a, GeoPoint b) {
		double lat1 = Math.toRadians(a.latitude());
		double lat2 = Math.toRadians(b.latitude());
		double dLat = lat2 - lat1;
		double dLon = Math.toRadians(b.longitude() - a.longitude());
		double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
				+ Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
	}

	private Fence fence(long gridId) {
		Fence fence = this.fences.get(gridId);
		if (fence == null || fence.loadedAt().isBefore(Instant.now().minus(REFRESH))) {
			Grid grid = this.geography.grids(List.of(gridId)).get(gridId);
			if (grid == null) {
				return null;
			}
			fence = new Fence(prepared(grid.boundary()), Instant.now());
			this.fences.put(gridId, fence);
		}
		return fence;
	}

	private static PreparedGeometry prepared(String geoJson) {
		try {
			return PreparedGeometryFactory.prepare(new GeoJsonReader(FACTORY).read(geoJson));
		}
		catch (ParseException ex) {
			throw new IllegalStateException("A stored grid boundary is not GeoJSON", ex);
		}
	}

	private record Fence(PreparedGeometry geometry, Instant loadedAt) {
	}

}
