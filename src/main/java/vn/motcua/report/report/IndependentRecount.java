package vn.motcua.report.report;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import vn.motcua.report.classify.Tally;
import vn.motcua.report.period.Period;
import vn.motcua.report.revision.RevisionRepository;

/**
 * The counting rules written a second time, as one SQL statement over the dossier table, grouped by
 * field (and, for the check step, also by unit name as the export gave it, in the same scan). It shares no code with the {@code Classifier}: the check step compares the two, so a slip in
 * either shows up as a failed job rather than a wrong report.
 */
@Component
public class IndependentRecount {

    /** A period's counters per field code and per unit name ('' for none); groups with no dossier are absent. */
    public record Recount(Map<String, Tally> byField, Map<String, Tally> byUnit) {

        /** The sum of these recounts (of dossiers apart from each other: several stored spellings of one centre). */
        public static Recount sum(Collection<Recount> parts) {
            Map<String, Tally> byField = new HashMap<>();
            Map<String, Tally> byUnit = new HashMap<>();
            for (Recount part : parts) {
                part.byField().forEach((field, tally) -> byField.computeIfAbsent(field, f -> new Tally()).add(tally));
                part.byUnit().forEach((unit, tally) -> byUnit.computeIfAbsent(unit, u -> new Tally()).add(tally));
            }
            return new Recount(byField, byUnit);
        }
    }

    // %1$s: the grouping columns selected, %2$s: the groups, %3$s: a centre's filter or nothing. Counter columns follow,
    // in declaration order.
    private static final String SQL = """
            WITH p AS (SELECT ?::date AS s, ?::date AS e),
            scope AS (
                SELECT d.*, p.s, p.e, d.finished_on IS NOT NULL AND d.finished_on <= p.e AS done
                  FROM dossier d, p
                 WHERE d.received_on <= p.e AND (d.finished_on IS NULL OR d.finished_on >= p.s) AND d.not_counted IS NULL
                   %3$s),
            cell AS (
                SELECT field_code, received_on < s AS carried, channel, done,
                       CASE WHEN done THEN
                                CASE WHEN outcome IN ('withdrawn', 'returned') OR due_on IS NULL OR finished_on = due_on THEN 'on_time'
                                     WHEN finished_on < due_on THEN 'early'
                                     ELSE 'late' END
                            WHEN due_on IS NULL OR due_on >= e
                                 OR (paused_from <= e AND (paused_until IS NULL OR paused_until > e)) THEN 'not_yet_due'
                            ELSE 'overdue' END AS result,
                       CASE WHEN done THEN outcome END AS outcome,
                       apology_on <= e AS apology, coalesce(unit, '') AS unit_name, coalesce(centre, '') AS centre_name
                  FROM scope)
            SELECT %1$s,
                   count(*),
                   count(*) FILTER (WHERE carried),
                   count(*) FILTER (WHERE NOT carried AND channel = 'online'),
                   count(*) FILTER (WHERE NOT carried AND channel = 'direct'),
                   count(*) FILTER (WHERE NOT carried AND channel = 'postal'),
                   count(*) FILTER (WHERE done),
                   count(*) FILTER (WHERE result = 'early'),
                   count(*) FILTER (WHERE result = 'on_time'),
                   count(*) FILTER (WHERE result = 'late'),
                   count(*) FILTER (WHERE NOT done),
                   count(*) FILTER (WHERE result = 'not_yet_due'),
                   count(*) FILTER (WHERE result = 'overdue'),
                   count(*) FILTER (WHERE outcome = 'withdrawn'),
                   count(*) FILTER (WHERE outcome = 'returned'),
                   count(*) FILTER (WHERE result = 'late' AND apology IS TRUE)
              FROM cell
             GROUP BY %2$s""";
    private static final String ALL = "";
    /** Only the dossiers a centre received: the stored spellings of that centre, an array parameter after E and S. */
    private static final String OF_CENTRE = "AND d.centre = ANY (?::text[])";
    private static final String BY_FIELD = SQL.formatted("field_code", "field_code", ALL);
    private static final String BY_FIELD_AND_UNIT = byFieldAndUnit(ALL);
    private static final String BY_FIELD_AND_UNIT_OF_CENTRE = byFieldAndUnit(OF_CENTRE);

    /** Every dossier, by stored receiving centre and field, and by stored receiving centre and unit. */
    private static final String BY_CENTRE = SQL.formatted("GROUPING(field_code), centre_name, field_code, unit_name",
            "GROUPING SETS ((centre_name, field_code), (centre_name, unit_name))", ALL);

    private static String byFieldAndUnit(String centre) {
        return SQL.formatted("GROUPING(field_code), field_code, unit_name", "GROUPING SETS ((field_code), (unit_name))",
                centre);
    }

    private final JdbcTemplate jdbc;

    public IndependentRecount(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counters per field code for the period; fields with no dossier in scope are absent. */
    public Map<String, Tally> byField(Period period) {
        Map<String, Tally> result = new HashMap<>();
        jdbc.query(BY_FIELD, rs -> {
            result.put(rs.getString(1), RevisionRepository.tally(rs, 2));
        }, period.start(), period.end());
        return result;
    }

    /** Counters per field code and per unit name for the period, in one scan. */
    public Recount byFieldAndUnit(Period period) {
        return byFieldAndUnit(period, null);
    }

    /**
     * As {@link #byFieldAndUnit(Period)}, for each stored receiving centre ('' for none) on its own, in one scan of
     * every dossier: a province's centres recounted at once.
     */
    public Map<String, Recount> byCentre(Period period) {
        Map<String, Recount> byCentre = new HashMap<>();
        jdbc.query(BY_CENTRE, rs -> {
            Recount of = byCentre.computeIfAbsent(rs.getString(2), c -> new Recount(new HashMap<>(), new HashMap<>()));
            if (rs.getInt(1) == 0) {
                of.byField().put(rs.getString(3), RevisionRepository.tally(rs, 5));
            } else {
                of.byUnit().put(rs.getString(4), RevisionRepository.tally(rs, 5));
            }
        }, period.start(), period.end());
        return byCentre;
    }

    /**
     * As {@link #byFieldAndUnit(Period)}, only the dossiers whose stored receiving centre is one of {@code centre}'s
     * spellings (null: every dossier).
     */
    public Recount byFieldAndUnit(Period period, List<String> centre) {
        Map<String, Tally> byField = new HashMap<>();
        Map<String, Tally> byUnit = new HashMap<>();
        Object[] args = centre == null ? new Object[] {period.start(), period.end()}
                : new Object[] {period.start(), period.end(), centre.toArray(String[]::new)};
        RowCallbackHandler rows = rs -> {
            if (rs.getInt(1) == 0) {
                byField.put(rs.getString(2), RevisionRepository.tally(rs, 4));
            } else {
                byUnit.put(rs.getString(3), RevisionRepository.tally(rs, 4));
            }
        };
        if (centre == null) {
            jdbc.query(BY_FIELD_AND_UNIT, rows, args);
            return new Recount(byField, byUnit);
        }
        // Planned for these spellings each time (never a server-side plan kept for any values, which would scan
        // every dossier for every centre instead of using dossier_by_centre).
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(BY_FIELD_AND_UNIT_OF_CENTRE);
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            new ArgumentPreparedStatementSetter(args).setValues(statement);
            return statement;
        }, rows);
        return new Recount(byField, byUnit);
    }
}
