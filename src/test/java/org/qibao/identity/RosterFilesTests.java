package org.qibao.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.qibao.shared.BusinessRuleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rosters are read from the office's spreadsheets as they are: xlsx or csv, Chinese, with formulas, never too big. */
class RosterFilesTests {

	private static final int LIMIT = 2000;

	@Test
	void anXlsxRosterIsReadRowByRowWithItsHeaderInChinese() throws IOException {
		byte[] file = xlsx(sheet -> {
			row(sheet, 0, "姓名", "手机号", "队伍");
			row(sheet, 1, "黄慧兰", "139 0000 0042", "七宝巡逻队");
			sheet.value(2, 0, "鲁红新");
			sheet.value(2, 1, 13900000043L);
		});
		assertThat(RosterFiles.read("名单.xlsx", file, LIMIT)).containsExactly(
				new RosterLine(2, "黄慧兰", "139 0000 0042", "七宝巡逻队"), new RosterLine(3, "鲁红新", "13900000043", ""));
	}

	@Test
	void aFormulaIsReadAsItsTextNeverItsValue() throws IOException {
		byte[] file = xlsx(sheet -> {
			row(sheet, 0, "name", "phone", "team");
			sheet.formula(1, 0, "HYPERLINK(\"http://example.com\",\"click\")");
			sheet.value(1, 1, "13900000044");
			sheet.value(1, 2, "=1+1");
		});
		RosterLine line = RosterFiles.read("roster.xlsx", file, LIMIT).get(0);
		assertThat(line.name()).isEqualTo("=HYPERLINK(\"http://example.com\",\"click\")");
		assertThat(line.team()).isEqualTo("=1+1");
	}

	@Test
	void aCsvWithAByteOrderMarkAndChineseIsRead() {
		String csv = "\uFEFF姓名,手机号,队伍\r\n黄慧兰,+86 139-0000-0042,七宝巡逻队\r\n\"王, 小明\",１３９００００００４５,\r\n";
		assertThat(RosterFiles.read("名单.csv", csv.getBytes(StandardCharsets.UTF_8), LIMIT)).containsExactly(
				new RosterLine(2, "黄慧兰", "+86 139-0000-0042", "七宝巡逻队"),
				new RosterLine(3, "王, 小明", "１３９００００００４５", ""));
	}

	@Test
	void aCsvSavedByChineseExcelInGb18030IsRead() {
		byte[] csv = "姓名,手机号\n黄慧兰,13900000042\n".getBytes(Charset.forName("GB18030"));
		assertThat(RosterFiles.read("名单.csv", csv, LIMIT)).containsExactly(new RosterLine(2, "黄慧兰", "13900000042", ""));
	}

	@Test
	void aCsvValueStartingWithAFormulaSignStaysText() {
		String csv = "name,phone\n=cmd|' /C calc'!A0,13900000046\n@SUM(A1),-13900000047\n";
		assertThat(RosterFiles.read("r.csv", csv.getBytes(StandardCharsets.UTF_8), LIMIT)).extracting(RosterLine::name)
			.containsExactly("=cmd|' /C calc'!A0", "@SUM(A1)");
	}

	@Test
	void aFileOfFiftyThousandRowsIsRefusedAsAWhole() throws IOException {
		byte[] file = xlsx(sheet -> {
			row(sheet, 0, "姓名", "手机号");
			for (int r = 1; r <= 50_000; r++) {
				sheet.value(r, 0, "居民" + r);
				sheet.value(r, 1, Long.toString(13_000_000_000L + r));
			}
		});
		refused(() -> RosterFiles.read("big.xlsx", file, LIMIT), "ROSTER_TOO_LARGE");
		StringBuilder csv = new StringBuilder("name,phone\n");
		for (int r = 1; r <= 50_000; r++) {
			csv.append("居民").append(r).append(',').append(13_000_000_000L + r).append('\n');
		}
		refused(() -> RosterFiles.read("big.csv", csv.toString().getBytes(StandardCharsets.UTF_8), LIMIT),
				"ROSTER_TOO_LARGE");
	}

	@Test
	void exactlyTheLimitIsRead() {
		StringBuilder csv = new StringBuilder("name,phone\n");
		for (int r = 1; r <= LIMIT; r++) {
			csv.append("居民").append(r).append(',').append(13_000_000_000L + r).append('\n');
		}
		assertThat(RosterFiles.read("full.csv", csv.toString().getBytes(StandardCharsets.UTF_8), LIMIT)).hasSize(LIMIT);
	}

	@Test
	void aMalformedFileIsRefusedClearly() throws IOException {
		refused(() -> RosterFiles.read("roster.xlsx", "name,phone\n".getBytes(StandardCharsets.UTF_8), LIMIT),
				"ROSTER_UNREADABLE");
		byte[] zip = xlsx(sheet -> row(sheet, 0, "name", "phone"));
		byte[] truncated = java.util.Arrays.copyOf(zip, zip.length / 2);
		refused(() -> RosterFiles.read("roster.xlsx", truncated, LIMIT), "ROSTER_UNREADABLE");
		byte[] notAWorkbook = notAWorkbook();
		refused(() -> RosterFiles.read("roster.xlsx", notAWorkbook, LIMIT), "ROSTER_UNREADABLE");
		refused(() -> RosterFiles.read("roster.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), LIMIT),
				"ROSTER_UNREADABLE");
		refused(() -> RosterFiles.read("roster.csv", "名字甲,电话乙\n张三,139\n".getBytes(StandardCharsets.UTF_8), LIMIT),
				"ROSTER_COLUMNS");
		refused(() -> RosterFiles.read("roster.csv", "姓名,手机号\n".getBytes(StandardCharsets.UTF_8), LIMIT),
				"ROSTER_EMPTY");
		refused(() -> RosterFiles.read("roster.csv", new byte[0], LIMIT), "ROSTER_EMPTY");
	}

	@Test
	void eachRowIsCheckedAndTheWrongOnesSayWhy() {
		List<RosterLine> lines = List.of(new RosterLine(2, "黄慧兰", "139 0000 0042", "七宝巡逻队"),
				new RosterLine(3, "", "13900000043", ""), new RosterLine(4, "王小明", "12-34", ""),
				new RosterLine(5, "黄慧兰二", "+8613900000042", ""), new RosterLine(6, "老会员", "13900000004", ""),
				new RosterLine(7, "新人", "13900000048", "不存在的队"), new RosterLine(8, "长".repeat(61), "13900000049", ""));
		List<RosterRow> rows = RosterCheck.check(lines, List.of("13900000004"), Map.of("七宝巡逻队", 7L));
		assertThat(rows).extracting(RosterRow::errors)
			.containsExactly(List.of(), List.of("BLANK_NAME"), List.of("BAD_PHONE"), List.of("DUPLICATE_IN_FILE"),
					List.of("ALREADY_IN_COMMUNITY"), List.of("UNKNOWN_TEAM"), List.of("NAME_TOO_LONG"));
		assertThat(rows.get(0).teamId()).isEqualTo(7L);
		assertThat(rows.get(0).phone()).isEqualTo("13900000042");
	}

	private static void refused(Runnable read, String code) {
		assertThatThrownBy(read::run).isInstanceOfSatisfying(BusinessRuleException.class,
				refusal -> assertThat(refusal.code()).isEqualTo(code));
	}

	static byte[] xlsx(Consumer<Worksheet> fill) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "Qibao tests", "1.0");
		Worksheet sheet = workbook.newWorksheet("名单");
		fill.accept(sheet);
		workbook.finish();
		return out.toByteArray();
	}

	private static void row(Worksheet sheet, int row, String... values) {
		for (int c = 0; c < values.length; c++) {
			sheet.value(row, c, values[c]);
		}
	}

	/** A zip, as an xlsx is, that holds no workbook. */
	private static byte[] notAWorkbook() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("hello.txt"));
			zip.write("hello".getBytes(StandardCharsets.US_ASCII));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

}
