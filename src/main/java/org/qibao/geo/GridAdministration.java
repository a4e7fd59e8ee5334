package org.qibao.geo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.BusinessRuleException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A community's administrators draw and redraw its grids ({@link GridDrawing}) and appoint their
 * grid workers from the community's own people. Each change is published as an
 * {@link AdministrativeAction}, with the boundary before and after, in its transaction.
 */
@Service
class GridAdministration {

	private final GridDrawing drawing;

	private final Geography geography;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	GridAdministration(GridDrawing drawing, Geography geography, Accounts accounts, ApplicationEventPublisher events,
			JsonMapper json) {
		this.drawing = drawing;
		this.geography = geography;
		this.accounts = accounts;
		this.events = events;
		this.json = json;
	}

	@Transactional
	Grid create(Actor actor, long communityId, String code, String name, String geoJson) {
		actor.require(Role.ADMINISTRATOR, communityId);
		Grid grid = this.drawing.create(communityId, code, name, geoJson);
		publish(actor, grid, "geo.gridCreate", Map.of(), described(grid));
		return grid;
	}

	/** Changes what is given of the grid's code, name and boundary. */
	@Transactional
	Grid change(Actor actor, long gridId, String code, String name, String geoJson, String action) {
		Grid before = administered(actor, gridId);
		Grid after = this.drawing.change(before, code, name, geoJson);
		publish(actor, after, action, described(before), described(after));
		return after;
	}

	@Transactional
	Grid assignWorker(Actor actor, long gridId, Long accountId, String phone) {
		Grid grid = administered(actor, gridId);
		if (accountId == null && (phone == null || phone.isBlank())) {
			throw new BusinessRuleException("INVALID_INPUT", "phone");
		}
		long worker = accountId != null ? accountId
				: this.accounts.findByPhoneFor(actor.accountId(), phone == null ? "" : phone, "phone")
					.map(Account::id)
					.orElseThrow(() -> new BusinessRuleException("NOT_FOUND", "phone"));
		if (this.accounts.findAll(List.of(worker)).isEmpty()) {
			throw new BusinessRuleException("NOT_FOUND", "accountId");
		}
		if (!this.accounts.holds(worker, Role.VOLUNTEER, grid.communityId())
				&& !this.accounts.holds(worker, Role.ADMINISTRATOR, grid.communityId())) {
			throw new BusinessRuleException("NOT_IN_COMMUNITY", accountId != null ? "accountId" : "phone");
		}
		if (!this.accounts.grant(worker, Role.GRID_WORKER, grid.id())) {
			throw new BusinessRuleException("ALREADY_ASSIGNED", accountId != null ? "accountId" : "phone");
		}
		publish(actor, grid, "geo.gridWorkerAssign", Map.of(), Map.of("workerAccountId", worker, "code", grid.code()));
		return grid;
	}

	@Transactional
	Grid unassignWorker(Actor actor, long gridId, long accountId) {
		Grid grid = administered(actor, gridId);
		if (!this.accounts.revoke(accountId, Role.GRID_WORKER, grid.id())) {
			throw new BusinessRuleException("NOT_ASSIGNED", "accountId");
		}
		publish(actor, grid, "geo.gridWorkerUnassign", Map.of("workerAccountId", accountId, "code", grid.code()), Map.of());
		return grid;
	}

	/** The grid, when the actor administers its community; a grid that does not exist gets the same answer as one they may not touch. */
	private Grid administered(Actor actor, long gridId) {
		Grid grid = this.geography.grids(List.of(gridId)).get(gridId);
		if (grid == null) {
			throw new AccessDeniedException("Not allowed");
		}
		actor.require(Role.ADMINISTRATOR, grid.communityId());
		return grid;
	}

	private Map<String, Object> described(Grid grid) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("code", grid.code());
		described.put("name", grid.name());
		described.put("boundary", this.json.readValue(grid.boundary(), new TypeReference<Map<String, Object>>() {
		}));
		return described;
	}

	private void publish(Actor actor, Grid grid, String action, Map<String, Object> before, Map<String, Object> after) {
		this.events.publishEvent(new AdministrativeAction(actor.accountId(), grid.communityId(), action, "Grid", grid.id(),
				new LinkedHashMap<>(before), new LinkedHashMap<>(after)));
	}

}
