package org.qibao.geo;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.qibao.shared.GeoPoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one geofence rule, and the one distance formula, for every module: a position counts as
 * inside a set of grids when it lies in one of them or within the tolerance of one, the tolerance
 * being a base allowance for GPS error plus the phone's own accuracy, up to a limit
 * ({@code qibao.geo.tolerance-metres}, {@code qibao.geo.max-accuracy-allowance-metres}). Check-in,
 * the live map and the merchant area all ask it, so a check-in accepted at a spot is never marked
 * outside on the map at that same spot. Grid boundaries are kept prepared in memory (the live map
 * asks for every position report); a redrawn boundary is picked up within a minute.
 */
@Component
public class Geofence {

	/** The mean earth radius (IUGG), for great-circle distances. */
	public static final double EARTH_RADIUS_METRES = 6_371_008.8;

	private static final Duration REFRESH = Duration.ofMinutes(1);

	private static final GeometryFactory FACTORY = new GeometryFactory();

	private final Geography geography;

	private final double toleranceMetres;

	private final double maxAccuracyAllowanceMetres;

	private final Map<Long, Fence> fences = new ConcurrentHashMap<>();

	private final Map<Long, CommunityGrids> communities = new ConcurrentHashMap<>();

	public Geofence(Geography geography, @Value("${qibao.geo.tolerance-metres:25}") double toleranceMetres,
			@Value("${qibao.geo.max-accuracy-allowance-metres:150}") double maxAccuracyAllowanceMetres) {
		this.geography = geography;
		this.toleranceMetres = toleranceMetres;
		this.maxAccuracyAllowanceMetres = maxAccuracyAllowanceMetres;
	}

	/** The great-circle (haversine) distance between two points, in metres. */
	public static double metresBetween(GeoPoint a, GeoPoint b) {
		double lat1 = Math.toRadians(a.latitude());
		double lat2 = Math.toRadians(b.latitude());
		double dLat = lat2 - lat1;
		double dLon = Math.toRadians(b.longitude() - a.longitude());
		double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
				+ Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
	}

	/** How far outside its grids a position this accurate (metres) still counts as inside. */
	public double toleranceMetres(double accuracy) {
		double allowance = Double.isFinite(accuracy) ? Math.max(0, accuracy) : this.maxAccuracyAllowanceMetres;
		return this.toleranceMetres + Math.min(allowance, this.maxAccuracyAllowanceMetres);
	}

	/**
	 * Where a point lies among grids: the grid that covers it (0 m outside), else the nearest and how
	 * far outside it lies; a null grid when there are no grids.
	 */
	public record Placement(Long gridId, double metresOutside) {
	}

	public Placement nearest(Collection<Long> gridIds, GeoPoint point) {
		Point p = point(point);
		Long nearest = null;
		double nearestMetres = Double.POSITIVE_INFINITY;
		for (Long gridId : gridIds) {
			Fence fence = fence(gridId);
			if (fence == null) {
				continue;
			}
			double metres = metresOutside(fence.geometry(), point, p);
			if (metres < nearestMetres) {
				nearest = gridId;
				nearestMetres = metres;
				if (metres == 0) {
					break;
				}
			}
		}
		return new Placement(nearest, nearestMetres);
	}

	/** The grid among these that the point counts as inside, for the phone's accuracy; null when none. */
	public Long within(Collection<Long> gridIds, GeoPoint point, double accuracy) {
		Placement placement = nearest(gridIds, point);
		return (placement.gridId() != null && placement.metresOutside() <= toleranceMetres(accuracy))
				? placement.gridId() : null;
	}

	/** The community's grid that covers the point (any grid, not only a shift's), or null. */
	public Long gridAt(long communityId, GeoPoint point) {
		CommunityGrids grids = this.communities.get(communityId);
		if (grids == null || grids.loadedAt().isBefore(Instant.now().minus(REFRESH))) {
			grids = new CommunityGrids(this.geography.gridsOf(communityId).stream().map(Grid::id).toList(), Instant.now());
			this.communities.put(communityId, grids);
		}
		Point p = point(point);
		for (Long gridId : grids.gridIds()) {
			Fence fence = fence(gridId);
			if (fence != null && fence.geometry().covers(p)) {
				return gridId;
			}
		}
		return null;
	}

	/** How far a point lies outside a boundary, in metres (great-circle to its nearest point); 0 inside. */
	static double metresOutside(PreparedGeometry boundary, GeoPoint point) {
		return metresOutside(boundary, point, point(point));
	}

	private static double metresOutside(PreparedGeometry boundary, GeoPoint point, Point p) {
		if (boundary.covers(p)) {
			return 0;
		}
		Coordinate[] closest = DistanceOp.nearestPoints(boundary.getGeometry(), p);
		return metresBetween(new GeoPoint(closest[0].x, closest[0].y), point);
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

	static PreparedGeometry prepared(String geoJson) {
		try {
			return PreparedGeometryFactory.prepare(new GeoJsonReader(FACTORY).read(geoJson));
		}
		catch (ParseException ex) {
			throw new IllegalStateException("A stored grid boundary is not GeoJSON", ex);
		}
	}

	private static Point point(GeoPoint point) {
		return FACTORY.createPoint(new Coordinate(point.longitude(), point.latitude()));
	}

	private record Fence(PreparedGeometry geometry, Instant loadedAt) {
	}

	private record CommunityGrids(List<Long> gridIds, Instant loadedAt) {
	}

}
