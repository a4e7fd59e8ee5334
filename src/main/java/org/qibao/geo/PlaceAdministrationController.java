package org.qibao.geo;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

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
		Actor signedIn = Actor.signedIn(actor);
		long cityId = GlobalId.keyOf(input.cityId(), "City");
		return new DistrictPayload(attempt(() -> this.places.createDistrict(signedIn, cityId, input.name()), locale));
	}

	@MutationMapping
	DistrictPayload districtRename(@Argument DistrictRenameInput input, Actor actor, Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		long districtId = GlobalId.keyOf(input.districtId(), "District");
		return new DistrictPayload(attempt(() -> this.places.renameDistrict(signedIn, districtId, input.name()), locale));
	}

	@MutationMapping
	StreetPayload streetCreate(@Argument StreetCreateInput input, Actor actor, Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		long districtId = GlobalId.keyOf(input.districtId(), "District");
		return new StreetPayload(attempt(() -> this.places.createStreet(signedIn, districtId, input.name()), locale));
	}

	@MutationMapping
	StreetPayload streetRename(@Argument StreetRenameInput input, Actor actor, Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		long streetId = GlobalId.keyOf(input.streetId(), "Street");
		return new StreetPayload(attempt(() -> this.places.renameStreet(signedIn, streetId, input.name()), locale));
	}

	@MutationMapping
	CommunityPayload communityCreate(@Argument CommunityCreateInput input, Actor actor, Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		long streetId = GlobalId.keyOf(input.streetId(), "Street");
		return new CommunityPayload(attempt(
				() -> this.places.createCommunity(signedIn, streetId, input.name(), input.timeZone()), locale));
	}

	@MutationMapping
	CommunityPayload communityUpdate(@Argument CommunityUpdateInput input, Actor actor, Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		long communityId = GlobalId.keyOf(input.communityId(), "Community");
		return new CommunityPayload(attempt(
				() -> this.places.updateCommunity(signedIn, communityId, input.name(), input.timeZone()), locale));
	}

	private <T> Outcome<T> attempt(Supplier<T> change, Locale locale) {
		try {
			return new Outcome<>(change.get(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new Outcome<>(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	private record Outcome<T>(T changed, List<UserError> userErrors) {
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
		private DistrictPayload(Outcome<Place.District> outcome) {
			this(outcome.changed(), outcome.userErrors());
		}
	}

	record StreetPayload(Place.Street street, List<UserError> userErrors) {
		private StreetPayload(Outcome<Place.Street> outcome) {
			this(outcome.changed(), outcome.userErrors());
		}
	}

	record CommunityPayload(Community community, List<UserError> userErrors) {
		private CommunityPayload(Outcome<Community> outcome) {
			this(outcome.changed(), outcome.userErrors());
		}
	}

}
