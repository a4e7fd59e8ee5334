package org.qibao.casework;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The departments a community dispatches cases to; its administrator adds them. */
@Controller
class DepartmentController {

	private final Departments departments;

	private final Accounts accounts;

	private final Geography geography;

	private final UserErrors userErrors;

	private final CaseDesks desks;

	DepartmentController(Departments departments, Accounts accounts, Geography geography, UserErrors userErrors,
			CaseDesks desks) {
		this.desks = desks;
		this.departments = departments;
		this.accounts = accounts;
		this.geography = geography;
		this.userErrors = userErrors;
	}

	/** For those who dispatch cases: the community's grid workers and administrators. */
	@QueryMapping
	List<Department> departments(@Argument String communityId, Actor actor) {
		long community = GlobalId.keyOf(communityId, "Community");
		CaseDesk desk = this.desks.of(Actor.signedIn(actor), community);
		if (!desk.administrator() && !desk.gridWorker()) {
			throw new org.springframework.security.access.AccessDeniedException("Not allowed");
		}
		return this.departments.ofCommunity(community);
	}

	@MutationMapping
	DepartmentPayload departmentCreate(@Argument DepartmentCreateInput input, Actor actor, Locale locale) {
		long communityId = GlobalId.keyOf(input.communityId(), "Community");
		Actor.signedIn(actor).require(Role.ADMINISTRATOR, communityId);
		Set<Long> members = new LinkedHashSet<>();
		input.memberIds().forEach(id -> members.add(GlobalId.keyOf(id, "Account")));
		try {
			if (this.accounts.findAll(members).size() != members.size()) {
				throw new BusinessRuleException("NOT_FOUND", "memberIds");
			}
			return new DepartmentPayload(this.departments.create(communityId, input.name(), members, actor.accountId()), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new DepartmentPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	@BatchMapping(typeName = "Department")
	Map<Department, Community> community(List<Department> departments) {
		Map<Long, Community> found = this.geography
			.communities(departments.stream().map(Department::communityId).distinct().toList());
		Map<Department, Community> result = new HashMap<>();
		departments.forEach(d -> result.put(d, found.get(d.communityId())));
		return result;
	}

	@BatchMapping(typeName = "Department")
	Map<Department, List<Account>> members(List<Department> departments) {
		Map<Long, Set<Long>> members = this.departments.members(departments.stream().map(Department::id).toList());
		Map<Long, Account> people = this.accounts
			.findAll(members.values().stream().flatMap(Set::stream).distinct().toList());
		Map<Department, List<Account>> result = new HashMap<>();
		departments.forEach(d -> result.put(d, members.get(d.id()).stream().map(people::get).toList()));
		return result;
	}

	record DepartmentCreateInput(String communityId, String name, List<String> memberIds) {
	}

	record DepartmentPayload(Department department, List<UserError> userErrors) {
	}

}
