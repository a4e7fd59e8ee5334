package org.qibao.geo;

import java.util.List;

import org.qibao.shared.BusinessRuleException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Drawing and redrawing grids: a valid boundary ({@link Boundary}) that overlaps no other grid of
 * the same community by more than {@code qibao.geo.grid-overlap-tolerance-metres}, and a code the
 * community does not use yet. The community's row is locked first, so that two administrators
 * drawing neighbouring grids at once cannot both be let through: the second sees the first's.
 * Runs inside the caller's transaction.
 */
@Component
class GridDrawing {

	private final GeographyRepository repository;

	private final double overlapToleranceMetres;

	GridDrawing(GeographyRepository repository,
			@Value("${qibao.geo.grid-overlap-tolerance-metres:2}") double overlapToleranceMetres) {
		this.repository = repository;
		this.overlapToleranceMetres = overlapToleranceMetres;
	}

	Grid create(long communityId, String code, String name, String geoJson) {
		checkCode(code);
		checkName(name);
		Boundary boundary = Boundary.parse(geoJson, "boundary");
		if (!this.repository.lockCommunity(communityId)) {
			throw new BusinessRuleException("NOT_FOUND", "communityId");
		}
		if (this.repository.gridCodeTaken(communityId, code, 0)) {
			throw new BusinessRuleException("DUPLICATE_CODE", "code");
		}
		checkNoOverlap(communityId, 0, boundary);
		return this.repository.insertGrid(communityId, code, name.trim(), geoJson, boundary.envelope(),
				boundary.interiorPoint());
	}

	/** Changes what is given (null leaves it); the grid as it is afterwards. */
	Grid change(Grid grid, String code, String name, String geoJson) {
		if (code != null) {
			checkCode(code);
		}
		if (name != null) {
			checkName(name);
		}
		Boundary boundary = geoJson == null ? Boundary.stored(grid.boundary()) : Boundary.parse(geoJson, "boundary");
		this.repository.lockCommunity(grid.communityId());
		if (code != null && this.repository.gridCodeTaken(grid.communityId(), code, grid.id())) {
			throw new BusinessRuleException("DUPLICATE_CODE", "code");
		}
		if (geoJson != null) {
			checkNoOverlap(grid.communityId(), grid.id(), boundary);
		}
		return this.repository.updateGrid(grid.id(), code == null ? grid.code() : code,
				name == null ? grid.name() : name.trim(), geoJson == null ? grid.boundary() : geoJson, boundary.envelope(),
				boundary.interiorPoint());
	}

	private void checkNoOverlap(long communityId, long gridId, Boundary boundary) {
		List<Grid> neighbours = this.repository.gridsOfCommunities(List.of(communityId));
		for (Grid neighbour : neighbours) {
			if (neighbour.id() != gridId
					&& boundary.overlaps(Boundary.stored(neighbour.boundary()), this.overlapToleranceMetres)) {
				throw new BusinessRuleException("GRID_OVERLAP", "boundary", neighbour.code(), neighbour.name());
			}
		}
	}

	private static void checkCode(String code) {
		if (code == null || !code.matches("[A-Za-z0-9_-]{1,20}")) {
			throw new BusinessRuleException("INVALID_INPUT", "code");
		}
	}

	private static void checkName(String name) {
		if (name == null || name.isBlank() || name.trim().length() > 60) {
			throw new BusinessRuleException("INVALID_INPUT", "name");
		}
	}

}
