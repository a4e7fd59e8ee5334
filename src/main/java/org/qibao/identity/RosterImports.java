package org.qibao.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.BusinessRuleException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.springframework.transaction.annotation.Transactional;

/**
 * A community's administrator uploads the office's roster; it is read, checked row by row and
 * kept as a preview; applied, it makes an invitation for each valid row in one transaction (all
 * or none), once. The invitees open their accounts by accepting, as any invitee does.
 */
@Service
class RosterImports {

	private static final Log log = LogFactory.getLog(RosterImports.class);

	private final RosterImportRows imports;

	private final InvitationRows invitationRows;

	private final Invitations invitations;

	private final InvitationPlaces places;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int maxRows;

	private final DataSize maxSize;

	private final Duration previewLifetime;

	RosterImports(RosterImportRows imports, InvitationRows invitationRows, Invitations invitations,
			InvitationPlaces places, ApplicationEventPublisher events, Clock clock,
			@Value("${qibao.invitations.roster-max-rows:2000}") int maxRows,
			@Value("${qibao.invitations.roster-max-size:4MB}") DataSize maxSize,
			@Value("${qibao.invitations.roster-preview-lifetime:24h}") Duration previewLifetime) {
		this.imports = imports;
		this.invitationRows = invitationRows;
		this.invitations = invitations;
		this.places = places;
		this.events = events;
		this.clock = clock;
		this.maxRows = maxRows;
		this.maxSize = maxSize;
		this.previewLifetime = previewLifetime;
	}

	/** Reads and checks a roster and keeps it as a preview; nothing else changes. */
	@Transactional
	RosterImport upload(Actor actor, long communityId, String fileName, byte[] content) {
		actor.require(Role.ADMINISTRATOR, communityId);
		if (content.length > this.maxSize.toBytes()) {
			throw new BusinessRuleException("ROSTER_TOO_LARGE", "file", this.maxRows, this.maxSize.toMegabytes());
		}
		List<RosterLine> lines;
		try {
			lines = RosterFiles.read(fileName, content, this.maxRows);
		}
		catch (BusinessRuleException refusal) {
			throw "ROSTER_TOO_LARGE".equals(refusal.code())
					? new BusinessRuleException("ROSTER_TOO_LARGE", "file", this.maxRows, this.maxSize.toMegabytes())
					: refusal;
		}
		List<RosterRow> rows = RosterCheck.check(lines,
				this.invitationRows.volunteerPhones(communityId, RosterCheck.phones(lines)),
				this.places.teamsByName(communityId));
		Instant now = this.clock.instant();
		String name = fileName == null ? "" : fileName.substring(0, Math.min(fileName.length(), 255));
		RosterImport preview = this.imports.insert(communityId, actor.accountId(), name, rows, now,
				now.plus(this.previewLifetime));
		log.info("Account " + actor.accountId() + " uploaded a roster of " + rows.size() + " rows for community "
				+ communityId);
		return preview;
	}

	/** The preview, for an administrator of its community. */
	Optional<RosterImport> find(Actor actor, long id) {
		Optional<RosterImport> found = this.imports.findAll(List.of(id)).stream().findFirst();
		found.ifPresent(preview -> actor.require(Role.ADMINISTRATOR, preview.communityId()));
		return found;
	}

	/** The invitations an application made, each with its code (known only now). */
	record Applied(RosterImport rosterImport, List<Invitations.Made> invitations) {
	}

	/** Makes an invitation for each valid row, all in this transaction; a second application makes none. */
	@Transactional
	Applied apply(Actor actor, long id) {
		RosterImport preview = this.imports.lock(id)
			.orElseThrow(() -> new BusinessRuleException("NOT_FOUND", "rosterImportId"));
		actor.require(Role.ADMINISTRATOR, preview.communityId());
		if (preview.appliedAt() != null) {
			return new Applied(preview, List.of());
		}
		Instant now = this.clock.instant();
		if (!now.isBefore(preview.expiresAt())) {
			throw new BusinessRuleException("ROSTER_EXPIRED", "rosterImportId");
		}
		List<Invitations.Made> made = new ArrayList<>();
		for (RosterRow row : preview.validRows()) {
			made.add(this.invitations.insert(actor.accountId(), preview.communityId(), row.teamId(), row.phone(),
					row.name().strip(), preview.id()));
		}
		this.imports.applied(id, now);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("fileName", preview.fileName());
		after.put("rows", preview.rows().size());
		after.put("invitations", made.size());
		this.events.publishEvent(new AdministrativeAction(actor.accountId(), preview.communityId(),
				"identity.rosterImportApply", "RosterImport", id, Map.of(), after));
		log.info("Roster " + id + " applied: " + made.size() + " invitations");
		return new Applied(this.imports.findAll(List.of(id)).get(0), made);
	}

}
