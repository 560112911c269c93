package vn.motcua.report.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import vn.motcua.report.classify.Classifier;
import vn.motcua.report.classify.InScopeDossierReader;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.period.Period;

/**
 * The JVM floor: the classify step's query and row mapping, streamed through plain JDBC and classified
 * by the same {@link Classifier} in a simple loop, summed in memory. No framework, no writes, no restart:
 * what the job could at best approach on one thread.
 */
public class StreamFloor {

    private final DataSource dataSource;
    private final int fetchSize;

    public StreamFloor(DataSource dataSource, int fetchSize) {
        this.dataSource = dataSource;
        this.fetchSize = fetchSize;
    }

    /** Counters per field code; fields with no dossier in scope are absent. */
    public Map<String, Tally> byField(Period period) throws SQLException {
        Classifier classifier = new Classifier(period);
        Map<String, Tally> byField = new HashMap<>();
        InScopeDossierReader.FieldCodes fieldCodes = new InScopeDossierReader.FieldCodes();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (ResultSet rows = InScopeDossierReader.open(connection, period, 0, Long.MAX_VALUE, fetchSize)) {
                while (rows.next()) {
                    classifier.classify(InScopeDossierReader.dossier(rows, fieldCodes))
                            .ifPresent(c -> byField.computeIfAbsent(c.field(), f -> new Tally()).add(c));
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        return byField;
    }
}
