package org.qibao.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GlobalId;
import org.qibao.shared.NodeType;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Roster previews over GraphQL (uploads come over HTTP, {@link RosterUploadController}) and their application. */
@Controller
class RosterImportController {

	private final RosterImports imports;

	private final InvitationRows invitationRows;

	private final UserErrors userErrors;

	private final NodeType<?> communities;

	RosterImportController(RosterImports imports, InvitationRows invitationRows, UserErrors userErrors,
			List<NodeType<?>> nodeTypes) {
		this.imports = imports;
		this.invitationRows = invitationRows;
		this.userErrors = userErrors;
		this.communities = nodeTypes.stream().filter(t -> "Community".equals(t.name())).findFirst().orElseThrow();
	}

	@QueryMapping
	RosterImport rosterImport(@Argument String id, Actor actor) {
		return this.imports.find(Actor.signedIn(actor), GlobalId.keyOf(id, "RosterImport")).orElse(null);
	}

	@MutationMapping
	RosterImportApplyPayload rosterImportApply(@Argument RosterImportApplyInput input, Actor actor, Locale locale) {
		Actor administrator = Actor.signedIn(actor);
		long id = GlobalId.keyOf(input.rosterImportId(), "RosterImport");
		try {
			RosterImports.Applied applied = this.imports.apply(administrator, id);
			return new RosterImportApplyPayload(applied.rosterImport(), applied.invitations()
				.stream()
				.map(made -> new RosterInvitation(made.invitation(), made.code()))
				.toList(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new RosterImportApplyPayload(null, List.of(), List.of(this.userErrors.of(refusal, locale)));
		}
	}

	@SchemaMapping(typeName = "RosterImport")
	int validRowCount(RosterImport rosterImport) {
		return rosterImport.validRows().size();
	}

	@BatchMapping(typeName = "RosterImport")
	Map<RosterImport, Object> community(List<RosterImport> imports) {
		Map<Long, ?> found = this.communities.findAll(imports.stream().map(RosterImport::communityId).distinct().toList());
		Map<RosterImport, Object> result = new HashMap<>();
		imports.forEach(i -> result.put(i, found.get(i.communityId())));
		return result;
	}

	@BatchMapping(typeName = "RosterImport")
	Map<RosterImport, List<Invitation>> invitations(List<RosterImport> imports) {
		Map<Long, List<Invitation>> made = this.invitationRows
			.ofRosterImports(imports.stream().filter(i -> i.appliedAt() != null).map(RosterImport::id).toList());
		Map<RosterImport, List<Invitation>> result = new HashMap<>();
		imports.forEach(i -> result.put(i, made.getOrDefault(i.id(), List.of())));
		return result;
	}

	@SchemaMapping(typeName = "RosterImportRow")
	List<RowError> errors(RosterRow row, Locale locale) {
		return row.errors()
			.stream()
			.map(code -> new RowError(code, this.userErrors.of("ROSTER_ROW_" + code, locale).message()))
			.toList();
	}

	record RowError(String code, String message) {
	}

	record RosterImportApplyInput(String rosterImportId) {
	}

	record RosterInvitation(Invitation invitation, String code) {
	}

	record RosterImportApplyPayload(RosterImport rosterImport, List<RosterInvitation> invitations,
			List<UserError> userErrors) {
	}

}
