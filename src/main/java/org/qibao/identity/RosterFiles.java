package org.qibao.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.qibao.shared.BusinessRuleException;

/**
 * Reads a roster from the community office's spreadsheet, {@code .xlsx} (its first sheet) or
 * {@code .csv} (UTF-8 with or without a byte-order mark, or GB18030 as Chinese Excel saves it):
 * a header row naming the columns (name/姓名, phone/手机号, and optionally team/队伍) and a
 * person per row. Rows are read one at a time and reading stops at the first row past the limit,
 * so that a 50,000-row file is refused without being read whole. A formula is read as its text
 * ({@code =A1+1}), never evaluated.
 */
final class RosterFiles {

	private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("name", "name"),
			Map.entry("姓名", "name"), Map.entry("名字", "name"), Map.entry("phone", "phone"), Map.entry("手机号", "phone"),
			Map.entry("手机", "phone"), Map.entry("电话", "phone"), Map.entry("手机号码", "phone"), Map.entry("team", "team"),
			Map.entry("队伍", "team"), Map.entry("巡逻队", "team"), Map.entry("队", "team"));

	private RosterFiles() {
	}

	/** The rows below the header; refused as a whole when the file is unreadable, too large or without the columns. */
	static List<RosterLine> read(String fileName, byte[] content, int maxRows) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		List<RosterLine> lines;
		if (name.endsWith(".xlsx")) {
			if (!ReadableWorkbook.isOOXMLZipHeader(content)) {
				throw new BusinessRuleException("ROSTER_UNREADABLE", "file");
			}
			lines = xlsx(content, maxRows);
		}
		else if (name.endsWith(".csv")) {
			lines = csv(text(content), maxRows);
		}
		else {
			throw new BusinessRuleException("ROSTER_UNREADABLE", "file");
		}
		if (lines.isEmpty()) {
			throw new BusinessRuleException("ROSTER_EMPTY", "file");
		}
		return lines;
	}

	private static List<RosterLine> xlsx(byte[] content, int maxRows) {
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
				Stream<Row> rows = workbook.getFirstSheet().openStream()) {
			return lines(rows.map(row -> new Cells(row.getRowNum(), cellTexts(row))).iterator(), maxRows);
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			throw new BusinessRuleException("ROSTER_UNREADABLE", "file");
		}
		catch (RuntimeException ex) {
			if (ex instanceof BusinessRuleException refusal) {
				throw refusal;
			}
			// a zip that is not a workbook, or a workbook whose XML is broken
			throw new BusinessRuleException("ROSTER_UNREADABLE", "file");
		}
	}

	private static List<String> cellTexts(Row row) {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < Math.min(row.getCellCount(), 20); i++) {
			Cell cell = row.getCell(i);
			texts.add(cell == null ? "" : cellText(cell));
		}
		return texts;
	}

	/** A formula's text, not its value; a number as the digits the file holds. */
	private static String cellText(Cell cell) {
		if (cell.getType() == CellType.FORMULA) {
			return "=" + cell.getFormula();
		}
		String raw = cell.getType() == CellType.NUMBER ? cell.getRawValue() : cell.getText();
		return raw == null ? "" : raw;
	}

	private static List<RosterLine> csv(String text, int maxRows) {
		String withoutMark = text.startsWith("\uFEFF") ? text.substring(1) : text;
		try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get()
			.parse(new StringReader(withoutMark))) {
			Iterator<CSVRecord> records = parser.iterator();
			return lines(new Iterator<>() {
				@Override
				public boolean hasNext() {
					return records.hasNext();
				}

				@Override
				public Cells next() {
					CSVRecord record = records.next();
					return new Cells((int) record.getRecordNumber(), record.stream().limit(20).toList());
				}
			}, maxRows);
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			throw new BusinessRuleException("ROSTER_UNREADABLE", "file");
		}
	}

	/** The header first, then a line per row that is not blank, stopping past the limit. */
	private static List<RosterLine> lines(Iterator<Cells> rows, int maxRows) {
		if (!rows.hasNext()) {
			throw new BusinessRuleException("ROSTER_EMPTY", "file");
		}
		int[] columns = columns(rows.next().texts());
		List<RosterLine> lines = new ArrayList<>();
		while (rows.hasNext()) {
			Cells row = rows.next();
			if (row.texts().stream().allMatch(String::isBlank)) {
				continue;
			}
			if (lines.size() == maxRows) {
				throw new BusinessRuleException("ROSTER_TOO_LARGE", "file", maxRows);
			}
			lines.add(new RosterLine(row.number(), row.at(columns[0]), row.at(columns[1]), row.at(columns[2])));
		}
		return lines;
	}

	/** Where name, phone and team are; name and phone must be there. */
	private static int[] columns(List<String> header) {
		int[] columns = { -1, -1, -1 };
		for (int i = 0; i < header.size(); i++) {
			String column = COLUMNS.get(header.get(i).strip().toLowerCase(Locale.ROOT));
			if (column != null) {
				int slot = switch (column) {
					case "name" -> 0;
					case "phone" -> 1;
					default -> 2;
				};
				if (columns[slot] < 0) {
					columns[slot] = i;
				}
			}
		}
		if (columns[0] < 0 || columns[1] < 0) {
			throw new BusinessRuleException("ROSTER_COLUMNS", "file");
		}
		return columns;
	}

	/** UTF-8 when the bytes are UTF-8, else GB18030 (what Excel on a Chinese Windows saves). */
	private static String text(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(content, Charset.forName("GB18030"));
		}
	}

	private record Cells(int number, List<String> texts) {

		String at(int column) {
			return (column < 0 || column >= this.texts.size()) ? "" : this.texts.get(column).strip();
		}

	}

}
