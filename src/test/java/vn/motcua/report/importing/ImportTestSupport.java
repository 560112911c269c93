package vn.motcua.report.importing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the import tests compare: the stored data, whole, and the rejects file's rows. */
final class ImportTestSupport {

    static final String HEADINGS =
            "code,field,procedure,channel,received_at,due_at,finished_at,outcome,paused_from,paused_until,apology_at";

    private ImportTestSupport() {
    }

    /** Every stored dossier and transfer, every column (ids, import ids and update times included), in a stable order. */
    static String dump(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                SELECT coalesce((SELECT string_agg(d::text, E'\\n' ORDER BY d.code) FROM dossier d), '') || E'\\n--\\n'
                    || coalesce((SELECT string_agg(t::text, E'\\n' ORDER BY t.id) FROM transfer t), '')""", String.class);
    }

    /** The rejects file's rows after its heading: line, column, value, reason (vi), reason (en). */
    static List<List<String>> rejects(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord rec : CSVFormat.RFC4180.parse(r)) {
                rows.add(rec.toList());
            }
            return rows.subList(1, rows.size());
        }
    }
}
