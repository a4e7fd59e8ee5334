package org.qibao.identity;

import java.util.List;
import java.util.Locale;

import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** "My data": what Qibao keeps about the signed-in person, and deleting it. */
@Controller
class MyDataController {

	private final MyData myData;

	private final AccountErasure erasure;

	private final UserErrors userErrors;

	MyDataController(MyData myData, AccountErasure erasure, UserErrors userErrors) {
		this.myData = myData;
		this.erasure = erasure;
		this.userErrors = userErrors;
	}

	@QueryMapping
	List<MyData.Section> myData(Actor actor) {
		return this.myData.summary(Actor.signedIn(actor).accountId());
	}

	@MutationMapping
	AccountDeletePayload accountDelete(@Argument AccountDeleteInput input, Actor actor, Locale locale) {
		long accountId = Actor.signedIn(actor).accountId();
		try {
			this.erasure.erase(accountId, input.password());
			return new AccountDeletePayload(true, List.of());
		}
		catch (BusinessRuleException refusal) {
			return new AccountDeletePayload(false, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	record AccountDeleteInput(String password) {
	}

	record AccountDeletePayload(boolean deleted, List<UserError> userErrors) {
	}

}
