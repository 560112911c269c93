package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The report's tables are the revision room's: their SQL is in its sources only. Read from the sources, as SQL
 * is text, which compiled classes do not show as a dependency ({@link RoomsTest} has the rooms' other rules).
 */
class ReportTablesTest {

    private static final Path SOURCES = Path.of("src/main/java/vn/motcua/report");
    private static final Pattern PACKAGE = Pattern.compile("^package vn\\.motcua\\.report(?:\\.(\\w+))?;", Pattern.MULTILINE);

    @Test
    void theReportTables_areReadAndWrittenByTheRevisionRoomOnly() throws IOException {
        for (String table : List.of("report_revision", "report_row", "report_unit_row", "report_unit_name",
                "report_unit_sum", "report_dossier", "report_execution", "report_cited_centre", "report_centre_row")) {
            Set<String> rooms = new TreeSet<>();
            try (Stream<Path> files = Files.walk(SOURCES)) {
                files.filter(f -> f.toString().endsWith(".java")).filter(f -> read(f).contains(table))
                        .forEach(f -> rooms.add(room(read(f))));
            }
            assertThat(rooms).as(table).containsExactly("revision");
        }
    }

    /** Spring Batch's own tables are its JobRepository's: no source reads them with SQL of its own. */
    @Test
    void springBatchTables_areReadThroughItsJobRepositoryOnly() throws IOException {
        Pattern batchTable = Pattern.compile("(?i)\\bbatch_(job|step)_");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            assertThat(files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> batchTable.matcher(read(f)).find()).map(Path::toString).toList()).isEmpty();
        }
    }

    private static String room(String source) {
        Matcher m = PACKAGE.matcher(source);
        return m.find() && m.group(1) != null ? m.group(1) : "(application)";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
