package vn.motcua.report.dossier;

import java.time.LocalDate;

/**
 * One dossier as the report needs it. Dates are Vietnam calendar dates; due, finished, outcome,
 * pause and apology may be absent (null). The report's reader leaves
 * the code out (null): no counting rule reads it.
 */
public record Dossier(long id, String code, String field, Channel channel,
                      LocalDate received, LocalDate due, LocalDate finished, Outcome outcome,
                      LocalDate pausedFrom, LocalDate pausedUntil, LocalDate apology) {
}
