package org.qibao.security;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.qibao.Clients;
import org.qibao.shared.GlobalId;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

/** Roster previews of one resident, uploaded by the community office's administrator as the office does. */
final class RosterObjects {

	private final Dongting dongting;

	private final int port;

	private String shown;

	RosterObjects(Dongting dongting, int port) {
		this.dongting = dongting;
		this.port = port;
	}

	/** A preview to look at: one is enough, looking changes nothing. */
	ExistingObject toRead() {
		if (this.shown == null) {
			this.shown = upload();
		}
		return ExistingObject.read(Map.of("id", this.shown));
	}

	/** A preview not applied yet. */
	ExistingObject toApply() {
		String id = upload();
		long key = GlobalId.keyOf(id, "RosterImport");
		return ExistingObject.input(Map.of("rosterImportId", id), () -> this.dongting.jdbc
			.sql("SELECT coalesce(applied_at::text, 'not applied') FROM roster_import WHERE id = ?")
			.param(key)
			.query(String.class)
			.single());
	}

	private String upload() {
		byte[] roster = ("name,phone\n矩阵居民," + Clients.uniquePhone() + "\n").getBytes(StandardCharsets.UTF_8);
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("roster", new ByteArrayResource(roster) {
			@Override
			public String getFilename() {
				return "名单.csv";
			}
		});
		body.part("communityId", this.dongting.community());
		Map<String, Object> created = Clients.http(this.port)
			.post()
			.uri("/api/identity/rosters")
			.header("Authorization", "Bearer " + this.dongting.office().token())
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		return created.get("id").toString();
	}

}
