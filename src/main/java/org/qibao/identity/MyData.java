package org.qibao.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/** Gathers every module's part of a person's own data ({@link PersonalData}). */
@Service
class MyData {

	private final List<PersonalData> sections;

	MyData(List<PersonalData> sections) {
		this.sections = sections;
	}

	/** Each section with the number of rows it holds, in the export's order. */
	List<Section> summary(long accountId) {
		return all(accountId).entrySet().stream().map(e -> new Section(e.getKey(), e.getValue().size())).toList();
	}

	/** Every section's rows, by section name, sorted by name so that the file reads the same each time. */
	Map<String, List<Map<String, Object>>> all(long accountId) {
		Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
		this.sections.stream()
			.sorted(java.util.Comparator.comparing(PersonalData::section))
			.forEach(section -> all.put(section.section(), section.of(accountId)));
		return all;
	}

	record Section(String name, int count) {
	}

}
