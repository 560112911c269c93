package vn.motcua.report.revision;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every report the database holds, removed at once: only for bench's scratch database of generated dossiers, whose
 * province rounds must each make every centre's report again (a province run makes a centre's report only when it
 * has none, or when its dossiers changed).
 */
@Repository
public class EveryReport {

    private final JdbcTemplate jdbc;

    public EveryReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Removes every revision with its rows, cells, tables and executions' processes. */
    public void forget() {
        jdbc.execute("""
                TRUNCATE report_seal, report_renewal, report_cited_centre, report_centre_row, report_dossier_block,
                         report_row, report_unit_row, report_unit_name, report_unit_sum, report_execution,
                         report_revision""");
    }
}
