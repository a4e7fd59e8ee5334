package org.qibao.casework;

import java.time.Instant;
import java.util.Locale;

import org.qibao.shared.Identified;

/** A kind of incident, kept by a community's administrator, with the deadlines its cases run on. */
record CaseCategory(long id, long communityId, String serviceCode, String nameZh, String nameEn,
		int acceptWithinMinutes, int resolveWithinMinutes, Instant retiredAt) implements Identified {

	boolean retired() {
		return this.retiredAt != null;
	}

	String name(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? this.nameEn : this.nameZh;
	}

}
