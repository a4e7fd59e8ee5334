package org.qibao.gamification;

import java.util.List;
import java.util.Locale;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The administrator's levels editor. */
@Controller
class LevelController {

	private final Levels levels;

	private final UserErrors userErrors;

	private final CommunityPlaces places;

	LevelController(Levels levels, UserErrors userErrors, CommunityPlaces places) {
		this.levels = levels;
		this.userErrors = userErrors;
		this.places = places;
	}

	record LevelInput(int threshold, String nameZhCN, String nameEn) {
	}

	record LevelsSetInput(String communityId, List<LevelInput> levels) {
	}

	record LevelsSetPayload(List<Levels.Level> levels, List<UserError> userErrors) {
	}

	@MutationMapping
	LevelsSetPayload levelsSet(@Argument LevelsSetInput input, Actor actor, Locale locale) {
		long community = GlobalId.keyOf(input.communityId(), "Community");
		Actor.signedIn(actor).require(Role.ADMINISTRATOR, community);
		// a community met here for the first time gets the standard set first, so it cannot land on top of the new ladder
		this.places.of(community);
		try {
			List<Levels.Level> ladder = input.levels()
				.stream()
				.map(l -> new Levels.Level(0, new LocalizedText(l.nameZhCN(), l.nameEn()), l.threshold()))
				.toList();
			return new LevelsSetPayload(this.levels.replace(community, ladder, actor.accountId()), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new LevelsSetPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

}
