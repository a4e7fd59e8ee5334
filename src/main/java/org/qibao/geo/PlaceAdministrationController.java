package org.qibao.geo;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.qibao.identity.Actor;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The mutations that draw a city's districts, streets and communities ({@link PlaceAdministration}). */
@Controller
class PlaceAdministrationController {

	private final PlaceAdministration places;

	private final UserErrors userErrors;

	PlaceAdministrationController(PlaceAdministration places, UserErrors userErrors) {
		this.places = places;
		this.userErrors = userErrors;
	}

	@MutationMapping
	DistrictPayload districtCreate(@Argument DistrictCreateInput input, Actor actor, Locale locale) {
		return change(actor, locale, DistrictPayload::new, signedIn -> this.places.createDistrict(signedIn,
				GlobalId.keyOf(input.cityId(), "City"), input.name()));
	}

	@MutationMapping
	DistrictPayload districtRename(@Argument DistrictRenameInput input, Actor actor, Locale locale) {
		return change(actor, locale, DistrictPayload::new, signedIn -> this.places.renameDistrict(signedIn,
				GlobalId.keyOf(input.districtId(), "District"), input.name()));
	}

	@MutationMapping
	StreetPayload streetCreate(@Argument StreetCreateInput input, Actor actor, Locale locale) {
		return change(actor, locale, StreetPayload::new, signedIn -> this.places.createStreet(signedIn,
				GlobalId.keyOf(input.districtId(), "District"), input.name()));
	}

	@MutationMapping
	StreetPayload streetRename(@Argument StreetRenameInput input, Actor actor, Locale locale) {
		return change(actor, locale, StreetPayload::new, signedIn -> this.places.renameStreet(signedIn,
				GlobalId.keyOf(input.streetId(), "Street"), input.name()));
	}

	@MutationMapping
	CommunityPayload communityCreate(@Argument CommunityCreateInput input, Actor actor, Locale locale) {
		return change(actor, locale, CommunityPayload::new, signedIn -> this.places.createCommunity(signedIn,
				GlobalId.keyOf(input.streetId(), "Street"), input.name(), input.timeZone()));
	}

	@MutationMapping
	CommunityPayload communityUpdate(@Argument CommunityUpdateInput input, Actor actor, Locale locale) {
		return change(actor, locale, CommunityPayload::new, signedIn -> this.places.updateCommunity(signedIn,
				GlobalId.keyOf(input.communityId(), "Community"), input.name(), input.timeZone()));
	}

	/**
	 * Makes a change as the signed-in actor and answers with its payload: the place it changed, or,
	 * when a rule of {@link PlaceAdministration} refused it, the refusal as a user error.
	 */
	private <T, P> P change(Actor actor, Locale locale, BiFunction<T, List<UserError>, P> payload,
			Function<Actor, T> change) {
		Actor signedIn = Actor.signedIn(actor);
		try {
			return payload.apply(change.apply(signedIn), List.of());
		}
		catch (BusinessRuleException refusal) {
			return payload.apply(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	record DistrictCreateInput(String cityId, String name) {
	}

	record DistrictRenameInput(String districtId, String name) {
	}

	record StreetCreateInput(String districtId, String name) {
	}

	record StreetRenameInput(String streetId, String name) {
	}

	record CommunityCreateInput(String streetId, String name, String timeZone) {
	}

	record CommunityUpdateInput(String communityId, String name, String timeZone) {
	}

	record DistrictPayload(Place.District district, List<UserError> userErrors) {
	}

	record StreetPayload(Place.Street street, List<UserError> userErrors) {
	}

	record CommunityPayload(Community community, List<UserError> userErrors) {
	}

}
