package org.qibao.geo;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.qibao.shared.BusinessRuleException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes a grid boundary drawable: rings of at least four positions that close on
 * themselves, inside sensible WGS84 ranges, no self-intersection (JTS's validity), not
 * absurdly large and not too many vertices. Each refusal is {@code INVALID_POLYGON} naming the
 * problem and where it lies, so that an administrator can find it on the map; a text that is
 * not GeoJSON at all is {@code INVALID_GEOJSON}.
 */
final class PolygonRules {

	static final int MAX_VERTICES = 10_000;

	/** Far larger than any community's grid; a boundary this large was drawn by mistake. */
	static final double MAX_AREA_SQUARE_METRES = 100_000_000; // 100 km²

	/** Web maps (Web Mercator) end here; nobody patrols beyond it. */
	static final double MAX_LATITUDE = 85;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PolygonRules() {
	}

	/** Checks the GeoJSON text's rings before JTS reads them, so that the refusal names the fault. */
	static void checkRings(String geoJson, String field) {
		JsonNode root;
		try {
			root = JSON.readTree(geoJson);
		}
		catch (RuntimeException ex) {
			throw new BusinessRuleException("INVALID_GEOJSON", field, "not GeoJSON");
		}
		String type = root == null || !root.isObject() ? "" : root.path("type").asString("");
		JsonNode coordinates = root == null ? null : root.get("coordinates");
		if (!(type.equals("Polygon") || type.equals("MultiPolygon")) || coordinates == null || !coordinates.isArray()) {
			throw new BusinessRuleException("INVALID_GEOJSON", field, "not a Polygon or MultiPolygon");
		}
		List<JsonNode> polygons = new ArrayList<>();
		if (type.equals("Polygon")) {
			polygons.add(coordinates);
		}
		else {
			coordinates.forEach(polygons::add);
		}
		if (polygons.isEmpty()) {
			throw problem(field, "EMPTY");
		}
		for (JsonNode polygon : polygons) {
			if (!polygon.isArray() || polygon.isEmpty()) {
				throw problem(field, "EMPTY");
			}
			for (JsonNode ring : polygon) {
				checkRing(ring, field);
			}
		}
	}

	private static void checkRing(JsonNode ring, String field) {
		if (!ring.isArray()) {
			throw new BusinessRuleException("INVALID_GEOJSON", field, "a ring is not a list of positions");
		}
		List<Coordinate> positions = new ArrayList<>();
		for (JsonNode position : ring) {
			if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
				throw new BusinessRuleException("INVALID_GEOJSON", field, "a position is not [longitude, latitude]");
			}
			Coordinate c = new Coordinate(position.get(0).asDouble(), position.get(1).asDouble());
			if (!Double.isFinite(c.x) || !Double.isFinite(c.y) || Math.abs(c.x) > 180 || Math.abs(c.y) > MAX_LATITUDE) {
				throw problem(field, "OUT_OF_RANGE", c);
			}
			positions.add(c);
		}
		if (positions.size() < 4) {
			throw problem(field, "TOO_FEW_POINTS", positions.size());
		}
		if (!positions.get(0).equals2D(positions.get(positions.size() - 1))) {
			throw problem(field, "RING_NOT_CLOSED", positions.get(0));
		}
	}

	/** Checks what JTS read: its validity (self-intersections, holes), its size and vertex count. */
	static void checkShape(Geometry geometry, double squareMetres, String field) {
		if (geometry.isEmpty()) {
			throw problem(field, "EMPTY");
		}
		if (geometry.getNumPoints() > MAX_VERTICES) {
			throw problem(field, "TOO_MANY_VERTICES", MAX_VERTICES);
		}
		IsValidOp validity = new IsValidOp(geometry);
		if (!validity.isValid()) {
			TopologyValidationError error = validity.getValidationError();
			throw problem(field, kind(error.getErrorType()), error.getCoordinate());
		}
		if (squareMetres > MAX_AREA_SQUARE_METRES) {
			throw problem(field, "TOO_LARGE", Math.round(squareMetres / 1_000_000), Math.round(MAX_AREA_SQUARE_METRES / 1_000_000));
		}
	}

	private static String kind(int errorType) {
		return switch (errorType) {
			case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION -> "SELF_INTERSECTION";
			case TopologyValidationError.TOO_FEW_POINTS -> "TOO_FEW_POINTS";
			case TopologyValidationError.RING_NOT_CLOSED -> "RING_NOT_CLOSED";
			case TopologyValidationError.HOLE_OUTSIDE_SHELL, TopologyValidationError.NESTED_HOLES -> "HOLE_OUTSIDE";
			case TopologyValidationError.NESTED_SHELLS, TopologyValidationError.DUPLICATE_RINGS -> "PARTS_OVERLAP";
			default -> "INVALID_SHAPE";
		};
	}

	/** {@code INVALID_POLYGON} whose message names the problem in the caller's language ({@code polygon.KIND}). */
	private static BusinessRuleException problem(String field, String kind, Object... details) {
		Object[] args = details;
		if (details.length == 1 && details[0] instanceof Coordinate c) {
			args = new Object[] { round(c.x), round(c.y) };
		}
		return new BusinessRuleException("INVALID_POLYGON", field,
				new DefaultMessageSourceResolvable(new String[] { "polygon." + kind }, args, kind));
	}

	private static String round(double degrees) {
		return String.format(java.util.Locale.ROOT, "%.6f", degrees);
	}

}
