package org.qibao.casework.photo;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.Clients;
import org.qibao.casework.CaseworkPartsTest;
import org.qibao.casework.TestCaseAccess;
import org.qibao.identity.Accounts;
import org.qibao.shared.BusinessRuleException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Case photos as a phone sends them and as an attacker does: taken by content, stored without
 * metadata, served only to those allowed to see the case, refused with a clear JSON error.
 */
@CaseworkPartsTest
class CasePhotoTests {

	private static final String PASSWORD = "photo password 1";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	CasePhotos photos;

	@Autowired
	TestCaseAccess caseAccess;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	Person reporter;

	Person neighbour;

	@BeforeEach
	void twoPeople() {
		this.reporter = person("上报人");
		this.neighbour = person("邻居");
	}

	@Test
	void aPhoneJpegIsStoredWithoutItsExifGpsPositionPhoneModelOrComment() {
		byte[] sent = TestImages.withPhoneMetadata(TestImages.jpeg(64, 48), 1);
		assertThat(new String(sent, StandardCharsets.ISO_8859_1)).contains("iPhone 15 Pro", "WGS-84", "Exif");

		Map<String, Object> uploaded = upload(this.reporter, sent, "IMG_0001.jpg");
		byte[] served = download(this.reporter, (String) uploaded.get("url"))
			.expectStatus().isOk()
			.expectHeader().contentType(MediaType.IMAGE_JPEG)
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("private"))
			.expectBody(byte[].class).returnResult().getResponseBody();

		assertThat(served).isEqualTo(storedBytes((String) uploaded.get("id")));
		assertThat(TestImages.hasSegment(served, 0xE1)).as("an APP1 (EXIF or XMP) segment").isFalse();
		assertThat(TestImages.hasSegment(served, 0xFE)).as("a comment").isFalse();
		assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("Exif", "iPhone", "Apple",
				"WGS-84", "114.30");
		assertThat(TestImages.decode(served).getWidth()).isEqualTo(64);
		assertThat(uploaded).containsEntry("width", 64).containsEntry("height", 48);
	}

	@Test
	void aPhotoThePhoneTookOnItsSideIsStoredUpright() {
		// the sensor's pixels: red left, blue right; the phone says to turn them 90° clockwise
		byte[] sent = TestImages.withPhoneMetadata(TestImages.jpeg(80, 40), 6);

		Map<String, Object> uploaded = upload(this.reporter, sent, "IMG_0002.jpg");

		BufferedImage stored = TestImages.decode(storedBytes((String) uploaded.get("id")));
		assertThat(stored.getWidth()).isEqualTo(40);
		assertThat(stored.getHeight()).isEqualTo(80);
		assertThat(red(stored.getRGB(20, 10))).as("red on top").isGreaterThan(200);
		assertThat(blue(stored.getRGB(20, 70))).as("blue below").isGreaterThan(200);
	}

	@Test
	void pngAndWebpPhotosAreTakenAndStoredAsJpeg() {
		Map<String, Object> png = upload(this.reporter, TestImages.png(30, 20), "screenshot.png");
		Map<String, Object> webp = upload(this.reporter, TestImages.webp(), "photo.webp");

		assertThat(storedBytes((String) png.get("id"))).startsWith(0xFF, 0xD8, 0xFF);
		assertThat(TestImages.decode(storedBytes((String) webp.get("id"))).getWidth()).isEqualTo(64);
		assertThat(webp).containsEntry("height", 48);
	}

	@Test
	void aLargePhotoIsScaledDownToTheLongestEdge() {
		Map<String, Object> uploaded = upload(this.reporter, TestImages.jpeg(4100, 1000), "wide.jpg");

		assertThat(uploaded).containsEntry("width", 2048);
		BufferedImage stored = TestImages.decode(storedBytes((String) uploaded.get("id")));
		assertThat(stored.getWidth()).isEqualTo(2048);
		assertThat(stored.getHeight()).isBetween(498, 501);
	}

	@Test
	void aPhotoOfSomeMegabytesAsAPhoneTakesItIsTaken() {
		byte[] photo = TestImages.noisyJpeg(2400, 1800);
		assertThat(photo.length).isBetween(4_000_000, 10_000_000);

		Map<String, Object> uploaded = upload(this.reporter, photo, "IMG_0003.jpg");

		assertThat(uploaded).containsEntry("width", 2048).containsEntry("height", 1536);
	}

	@Test
	void aFileThatIsNotAnImageIsRefusedWhateverItsNameAndDeclaredType() {
		byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
		byte[] jpegStartThenPage = TestImages.concat(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, html);

		refused(this.reporter, html, "photo.jpg", 415, "PHOTO_NOT_AN_IMAGE");
		refused(this.reporter, jpegStartThenPage, "photo.jpg", 415, "PHOTO_NOT_AN_IMAGE");
		assertThat(photosOf(this.reporter)).isZero();
	}

	@Test
	void aPolyglotImageIsNeutralisedWhatIsAppendedToTheImageIsNotStored() {
		byte[] zipWithAPage = TestImages.concat("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1),
				"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
		byte[] polyglot = TestImages.concat(TestImages.jpeg(32, 32), zipWithAPage);

		Map<String, Object> uploaded = upload(this.reporter, polyglot, "innocent.jpg");

		String stored = new String(storedBytes((String) uploaded.get("id")), StandardCharsets.ISO_8859_1);
		assertThat(stored).doesNotContain("PK\u0003\u0004", "<script", "<html");
		assertThat(stored).endsWith("\u00FF\u00D9");
	}

	@Test
	void aThirtyMegabyteUploadIsRefusedWith413AndAClearError() {
		byte[] huge = TestImages.concat(TestImages.jpeg(16, 16), new byte[30 * 1024 * 1024]);

		refused(this.reporter, huge, "huge.jpg", 413, "PHOTO_TOO_LARGE");
		assertThat(photosOf(this.reporter)).isZero();
	}

	@Test
	void anImageDeclaringTooManyPixelsIsRefusedBeforeItIsDecoded() {
		refused(this.reporter, TestImages.pngDeclaring(60_000, 60_000), "bomb.png", 422, "PHOTO_TOO_MANY_PIXELS");
	}

	@Test
	void aPhotoIsServedToItsUploaderAloneUntilItIsAttachedThenToWhoeverMaySeeTheCase() {
		String url = (String) upload(this.reporter, TestImages.jpeg(16, 16), "a.jpg").get("url");
		UUID id = UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
		long caseId = TestCaseAccess.newCaseId();

		download(this.reporter, url).expectStatus().isOk();
		notFound(download(this.neighbour, url));
		attach(this.reporter, caseId, List.of(id));
		notFound(download(this.neighbour, url));
		this.caseAccess.grant(this.neighbour.id, caseId);
		download(this.neighbour, url).expectStatus().isOk();
		download(this.reporter, url).expectStatus().isOk();

		notFound(download(this.neighbour, "/api/casework/photos/" + UUID.randomUUID()));
		notFound(download(this.neighbour, "/api/casework/photos/not-an-id"));
		Clients.http(this.port).get().uri(url).exchange().expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("SIGN_IN_FIRST");
		assertThat(this.photos.of(caseId)).extracting(CasePhoto::id).containsExactly(id);
	}

	@Test
	void aCaseTakesOnlyItsReportersOwnUnattachedPhotosAtMostFourAllOrNone() {
		UUID mine = photoOf(this.reporter);
		UUID theirs = photoOf(this.neighbour);
		long caseId = TestCaseAccess.newCaseId();

		assertThatThrownBy(() -> attach(this.reporter, caseId, List.of(mine, theirs)))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("PHOTO_NOT_FOUND"));
		assertThatThrownBy(() -> attach(this.reporter, caseId,
				List.of(mine, photoOf(this.reporter), photoOf(this.reporter), photoOf(this.reporter), photoOf(this.reporter))))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("TOO_MANY_PHOTOS"));
		assertThat(this.photos.of(caseId)).isEmpty();

		attach(this.reporter, caseId, List.of(mine));
		assertThatThrownBy(() -> attach(this.reporter, TestCaseAccess.newCaseId(), List.of(mine)))
			.isInstanceOf(BusinessRuleException.class);
		assertThat(this.photos.of(caseId)).extracting(CasePhoto::id).containsExactly(mine);
	}

	@Test
	void twoCasesClaimingOnePhotoAtOnceOneGetsIt() throws Exception {
		UUID photo = photoOf(this.reporter);

		List<Boolean> attached = Bursts.race(4, i -> () -> {
			try {
				attach(this.reporter, TestCaseAccess.newCaseId(), List.of(photo));
				return true;
			}
			catch (BusinessRuleException refused) {
				return false;
			}
		});

		assertThat(attached).containsOnlyOnce(true);
		assertThat(this.jdbc.sql("SELECT count(*) FROM case_photo WHERE id = ? AND case_id IS NOT NULL").param(photo)
			.query(Long.class).single()).isOne();
	}

	@Test
	void uploadsAreCountedPerPersonAcrossABurst() throws Exception {
		byte[] small = TestImages.jpeg(8, 8);

		List<Integer> statuses = Bursts.race(32, i -> () -> send(this.reporter, small, "p" + i + ".jpg")
			.returnResult(byte[].class).getStatus().value());

		assertThat(statuses).filteredOn(s -> s == 201).hasSize(30);
		assertThat(statuses).filteredOn(s -> s == 429).hasSize(2);
		assertThat(photosOf(this.reporter)).isEqualTo(30);
		send(this.neighbour, small, "n.jpg").expectStatus().isCreated();
	}

	@Test
	void anUploadWithoutTokenOrWithoutItsPhotoIsRefusedWithJson() {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("photo", named(TestImages.jpeg(8, 8), "a.jpg"));
		Clients.http(this.port).post().uri(PhotoController.PATH).contentType(MediaType.MULTIPART_FORM_DATA)
			.bodyValue(body.build()).exchange()
			.expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("SIGN_IN_FIRST");
		MultipartBodyBuilder other = new MultipartBodyBuilder();
		other.part("picture", named(TestImages.jpeg(8, 8), "a.jpg"));
		signedIn(this.reporter).post().uri(PhotoController.PATH).contentType(MediaType.MULTIPART_FORM_DATA)
			.bodyValue(other.build()).exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PHOTO_MISSING");
	}

	private Person person(String name) {
		String phone = Clients.uniquePhone();
		long id = this.accounts.register(phone, name, PASSWORD, "zh-CN").id();
		return new Person(id, Clients.token(this.port, phone, PASSWORD));
	}

	private record Person(long id, String token) {
	}

	private WebTestClient signedIn(Person person) {
		return Clients.http(this.port).mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + person.token()).build();
	}

	private WebTestClient.ResponseSpec send(Person person, byte[] bytes, String filename) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("photo", named(bytes, filename)).contentType(MediaType.IMAGE_JPEG);
		return signedIn(person).post().uri(PhotoController.PATH).contentType(MediaType.MULTIPART_FORM_DATA)
			.bodyValue(body.build()).exchange();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> upload(Person person, byte[] bytes, String filename) {
		return send(person, bytes, filename).expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody();
	}

	private void refused(Person person, byte[] bytes, String filename, int status, String code) {
		send(person, bytes, filename).expectStatus().isEqualTo(status)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code").isEqualTo(code)
			.jsonPath("$.errors[0].message").value(message -> assertThat((String) message).isNotBlank().doesNotContain("Exception"));
	}

	private UUID photoOf(Person person) {
		return UUID.fromString((String) upload(person, TestImages.jpeg(8, 8), "x.jpg").get("id"));
	}

	private WebTestClient.ResponseSpec download(Person person, String url) {
		return signedIn(person).get().uri(url).exchange();
	}

	private static void notFound(WebTestClient.ResponseSpec response) {
		response.expectStatus().isNotFound().expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("NO_SUCH_PHOTO");
	}

	private void attach(Person person, long caseId, List<UUID> ids) {
		this.transaction.executeWithoutResult(status -> this.photos.attach(person.id(), caseId, ids));
	}

	private byte[] storedBytes(String id) {
		return this.jdbc.sql("SELECT bytes FROM case_photo WHERE id = ?").param(UUID.fromString(id)).query(byte[].class).single();
	}

	private long photosOf(Person person) {
		return this.jdbc.sql("SELECT count(*) FROM case_photo WHERE uploaded_by = ?").param(person.id()).query(Long.class).single();
	}

	private static ByteArrayResource named(byte[] bytes, String filename) {
		return new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return filename;
			}
		};
	}

	private static int red(int rgb) {
		return (rgb >> 16) & 0xFF;
	}

	private static int blue(int rgb) {
		return rgb & 0xFF;
	}

}
