package vn.motcua.report.dossier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Transfers between levels by the public postal service; the same transfer imported twice is kept once. */
public class TransferImport implements ImportKind {

    /** Administrative levels a dossier moves between. */
    enum Level { COMMUNE, DISTRICT, PROVINCE }

    static final List<String> COLUMNS = List.of("dossier_code", "from_level", "to_level", "sent_at");

    @Override
    public String name() {
        return "transfers";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> required() {
        return COLUMNS;
    }

    @Override
    public CheckedRow check(CsvRow row) {
        List<Reject> rejects = new ArrayList<>();
        Values.columnCount(row, COLUMNS.size(), rejects);
        String code = Values.required(row, "dossier_code", rejects);
        Level from = Values.oneOf(row, "from_level", Level.class, true, rejects);
        Level to = Values.oneOf(row, "to_level", Level.class, true, rejects);
        LocalDate sent = Values.date(row, "sent_at", true, rejects);
        if (from != null && from == to) {
            rejects.add(new Reject(row.line(), "to_level", row.get("to_level"), "is the same level as from_level"));
        }
        if (!rejects.isEmpty()) {
            return new CheckedRow(row.line(), null, rejects);
        }
        return new CheckedRow(row.line(), new Object[] {code, from.name().toLowerCase(), to.name().toLowerCase(), sent},
                rejects);
    }

    @Override
    public String stagingTable() {
        return "import_transfer";
    }

    @Override
    public List<String> stagingColumns() {
        return List.of("dossier_code", "from_level", "to_level", "sent_on");
    }

    @Override
    public String duplicatesSql() {
        return null;
    }

    @Override
    public int[] store(JdbcTemplate jdbc, long importId) {
        Integer total = jdbc.queryForObject("SELECT count(DISTINCT (dossier_code, from_level, to_level, sent_on))"
                + " FROM import_transfer WHERE import_id = ?", Integer.class, importId);
        int added = jdbc.update("""
                INSERT INTO transfer (dossier_code, from_level, to_level, sent_on, import_id)
                SELECT DISTINCT dossier_code, from_level, to_level, sent_on, import_id
                  FROM import_transfer WHERE import_id = ?
                ON CONFLICT DO NOTHING""", importId);
        return new int[] {added, 0, total - added};
    }
}
