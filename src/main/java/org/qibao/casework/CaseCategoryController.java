package org.qibao.casework;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.qibao.casework.CaseCategories.CategoryTerms;
import org.qibao.geo.Community;
import org.qibao.geo.Geography;
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
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/** A community's case categories: anyone reads them, its administrator keeps them. */
@Controller
class CaseCategoryController {

	private final CaseCategories categories;

	private final Geography geography;

	private final UserErrors userErrors;

	CaseCategoryController(CaseCategories categories, Geography geography, UserErrors userErrors) {
		this.categories = categories;
		this.geography = geography;
		this.userErrors = userErrors;
	}

	@QueryMapping
	List<CaseCategory> caseCategories(@Argument String communityId, @Argument Boolean includeRetired) {
		return this.categories.of(GlobalId.keyOf(communityId, "Community"), Boolean.TRUE.equals(includeRetired));
	}

	@MutationMapping
	CaseCategoryPayload caseCategoryCreate(@Argument CaseCategoryCreateInput input, Actor actor, Locale locale) {
		long communityId = GlobalId.keyOf(input.communityId(), "Community");
		Actor.signedIn(actor).require(Role.ADMINISTRATOR, communityId);
		return payload(() -> this.categories.create(communityId, new CategoryTerms(input.nameZh(), input.nameEn(),
				input.acceptWithinMinutes(), input.resolveWithinMinutes()), input.serviceCode(), actor.accountId()),
				locale);
	}

	@MutationMapping
	CaseCategoryPayload caseCategoryUpdate(@Argument CaseCategoryUpdateInput input, Actor actor, Locale locale) {
		CaseCategory category = administered(input.categoryId(), actor);
		return payload(() -> this.categories.update(category.id(), new CategoryTerms(input.nameZh(), input.nameEn(),
				input.acceptWithinMinutes(), input.resolveWithinMinutes()), actor.accountId()), locale);
	}

	@MutationMapping
	CaseCategoryPayload caseCategoryRetire(@Argument CaseCategoryRetireInput input, Actor actor, Locale locale) {
		CaseCategory category = administered(input.categoryId(), actor);
		return payload(() -> this.categories.retire(category.id(), actor.accountId()), locale);
	}

	/** A category of a community the actor administers; anything else is refused as forbidden. */
	private CaseCategory administered(String categoryId, Actor actor) {
		Actor signedIn = Actor.signedIn(actor);
		CaseCategory category = this.categories.find(GlobalId.keyOf(categoryId, "CaseCategory"))
			.orElseThrow(() -> new AccessDeniedException("Not allowed"));
		signedIn.require(Role.ADMINISTRATOR, category.communityId());
		return category;
	}

	private CaseCategoryPayload payload(Supplier<CaseCategory> change, Locale locale) {
		try {
			return new CaseCategoryPayload(change.get(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new CaseCategoryPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	@SchemaMapping(typeName = "CaseCategory")
	String name(CaseCategory category, Locale locale) {
		return category.name(locale);
	}

	@SchemaMapping(typeName = "CaseCategory")
	boolean retired(CaseCategory category) {
		return category.retired();
	}

	@BatchMapping(typeName = "CaseCategory")
	Map<CaseCategory, Community> community(List<CaseCategory> categories) {
		Map<Long, Community> found = this.geography
			.communities(categories.stream().map(CaseCategory::communityId).distinct().toList());
		Map<CaseCategory, Community> result = new HashMap<>();
		categories.forEach(c -> result.put(c, found.get(c.communityId())));
		return result;
	}

	record CaseCategoryCreateInput(String communityId, String nameZh, String nameEn, String serviceCode,
			int acceptWithinMinutes, int resolveWithinMinutes) {
	}

	record CaseCategoryUpdateInput(String categoryId, String nameZh, String nameEn, int acceptWithinMinutes,
			int resolveWithinMinutes) {
	}

	record CaseCategoryRetireInput(String categoryId) {
	}

	record CaseCategoryPayload(CaseCategory category, List<UserError> userErrors) {
	}

}
