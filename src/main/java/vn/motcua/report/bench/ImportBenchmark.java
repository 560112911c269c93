package vn.motcua.report.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.motcua.report.importing.ImportSummary;
import vn.motcua.report.importing.ImportService;

/**
 * How fast a first import of a large export is, against what PostgreSQL itself allows: the database floor is
 * PostgreSQL's own COPY of the same CSV into a staging table of text columns, then one INSERT … SELECT with the
 * casts (dates, labels) into a table with the same unique key as {@code dossier}. The export is generated as one-stop
 * systems write it: Vietnamese headings, semicolons, a byte order mark, {@code dd/MM/yyyy HH:mm} dates,
 * Vietnamese labels, quoted procedure names.
 */
@Component
public class ImportBenchmark {

    private static final String[] FIELDS = {"Chứng thực", "Đất đai", "Hộ tịch", "Môi trường", "Bảo trợ xã hội",
            "Hoạt động xây dựng"};
    private static final String[] CHANNELS = {"Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính"};

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportBenchmark.class);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final ImportService importer;

    public ImportBenchmark(JdbcTemplate jdbc, DataSource dataSource, ImportService importer) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.importer = importer;
    }

    /** The import's time and heap peak, the floor's time, and what the import stored. */
    public record Result(long rows, long bytes, double generateSeconds, double importSeconds, long heapPeakMb,
                         double floorSeconds, ImportSummary summary) {
        public double ratio() {
            return importSeconds / floorSeconds;
        }
    }

    public Result run(long rows, Path folder) throws Exception {
        Path csv = folder.resolve("bench-import-" + rows + ".csv");
        long t0 = System.nanoTime();
        generate(rows, csv);
        double generate = seconds(System.nanoTime() - t0);

        double floor = floor(csv);

        HeapPeak.reset();
        long t1 = System.nanoTime();
        ImportSummary summary = importer.importFile("dossiers", csv);
        double imported = seconds(System.nanoTime() - t1);
        long heap = HeapPeak.megabytes();
        long bytes = Files.size(csv);
        Files.deleteIfExists(csv);
        return new Result(rows, bytes, generate, imported, heap, floor, summary);
    }

    /** The CSV, written once: the same file is loaded by the floor and by the import. */
    static void generate(long rows, Path csv) throws IOException {
        LocalDate first = LocalDate.of(2024, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write("STT;Mã hồ sơ;Lĩnh vực;Tên thủ tục;Hình thức nộp;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Kết quả\r\n");
            StringBuilder line = new StringBuilder(200);
            for (long i = 1; i <= rows; i++) {
                LocalDate received = first.plusDays(i % 700);
                LocalDate due = received.plusDays(5 + i % 10);
                boolean finished = i % 5 != 0;
                LocalDate done = received.plusDays(2 + i % 12);
                line.setLength(0);
                line.append(i).append(";HS-").append(i).append(';').append(FIELDS[(int) (i % FIELDS.length)])
                        .append(";\"Thủ tục số ").append(i % 97).append("; cấp lần đầu\";")
                        .append(CHANNELS[(int) (i % CHANNELS.length)]).append(';');
                date(line, received, 8 + i % 9, i % 60).append(';');
                date(line, due, 17, 0).append(';');
                if (finished) {
                    date(line, done, 9 + i % 8, i % 60);
                }
                line.append(';').append(finished ? (i % 50 == 1 ? "Rút hồ sơ" : "Đã giải quyết") : "").append("\r\n");
                w.append(line);
            }
        }
    }

    private static StringBuilder date(StringBuilder out, LocalDate d, long hour, long minute) {
        two(out, d.getDayOfMonth()).append('/');
        two(out, d.getMonthValue()).append('/').append(d.getYear()).append(' ');
        two(out, (int) hour).append(':');
        return two(out, (int) minute);
    }

    private static StringBuilder two(StringBuilder out, int n) {
        return out.append(n < 10 ? "0" : "").append(n);
    }

    /** PostgreSQL alone: COPY the CSV as text, then one INSERT … SELECT with casts into a table keyed as dossier. */
    double floor(Path csv) throws Exception {
        jdbc.execute("DROP TABLE IF EXISTS bench_floor_staging, bench_floor_dossier");
        jdbc.execute("""
                CREATE UNLOGGED TABLE bench_floor_staging (stt text, code text, field text, procedure text, channel text,
                    received text, due text, finished text, outcome text)""");
        jdbc.execute("""
                CREATE TABLE bench_floor_dossier (id bigserial PRIMARY KEY, code text NOT NULL UNIQUE, field_code text NOT NULL,
                    procedure text NOT NULL, channel text NOT NULL, received_on date NOT NULL, due_on date,
                    finished_on date, outcome text)""");
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            in.read();   // the byte order mark
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY bench_floor_staging FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ';')", in);
        }
        long copied = System.nanoTime();
        jdbc.update("""
                INSERT INTO bench_floor_dossier (code, field_code, procedure, channel, received_on, due_on, finished_on, outcome)
                SELECT s.code, f.code, s.procedure,
                       CASE s.channel WHEN 'Trực tiếp' THEN 'direct' WHEN 'Trực tuyến' THEN 'online' ELSE 'postal' END,
                       to_date(s.received, 'DD/MM/YYYY'), to_date(s.due, 'DD/MM/YYYY'),
                       to_date(nullif(s.finished, ''), 'DD/MM/YYYY'),
                       CASE s.outcome WHEN 'Đã giải quyết' THEN 'resolved' WHEN 'Rút hồ sơ' THEN 'withdrawn' END
                  FROM bench_floor_staging s JOIN field f ON f.name = s.field""");
        double seconds = seconds(System.nanoTime() - t0);
        log.info("bench floor: COPY {} s, INSERT … SELECT {} s", String.format("%.1f", seconds(copied - t0)),
                String.format("%.1f", seconds(System.nanoTime() - copied)));
        jdbc.execute("DROP TABLE bench_floor_staging, bench_floor_dossier");
        return seconds;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
