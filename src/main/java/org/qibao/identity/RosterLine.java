package org.qibao.identity;

/**
 * One row of a roster as read, each value as text exactly as the file holds it (a formula as its
 * text, never evaluated).
 *
 * @param row the row's number in the file, counting the header as row 1, as a spreadsheet shows it
 * @param team the team's name, or empty when the file has no team column or the cell is blank
 */
record RosterLine(int row, String name, String phone, String team) {
}
