package org.qibao.merchant;

import java.util.Arrays;

/** The kinds of shop one can apply for; {@link Merchant#category()} holds the name. */
enum MerchantCategory {

	BARBER, SUPERMARKET, OTHER;

	static boolean known(String category) {
		return Arrays.stream(values()).anyMatch(known -> known.name().equals(category));
	}

}
