package vn.motcua.report.revision;

import vn.motcua.report.classify.Tally;

/** One line of the report's table: a catalogue field (position, code, name) and its counters. */
public record ReportRow(int position, String field, String name, Tally counts) {
}
