package vn.motcua.report.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import vn.motcua.report.DatabaseTest;

/**
 * A file's chunks are stored while it is read, in one transaction committed only by the store step: what is stored
 * in the end must be exactly what storing after reading would give, whatever comes up in a later chunk (a repeated
 * code, a refused row, codes stored before). Chunks of 3 rows here, so that every case spans several chunks.
 */
@TestPropertySource(properties = "motcua.import.chunk-size=3")
class StoreWhileReadingTest extends DatabaseTest {

    private static final String HEADER = ImportTestSupport.HEADINGS + "\n";

    private Run importDossiers(String body, String... options) throws Exception {
        String[] args = new String[3 + options.length];
        args[0] = "import";
        args[1] = "dossiers";
        args[2] = file("dossiers.csv", HEADER + body).toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return cli(args);
    }

    /** Rows C1..Cn, open dossiers received on the 1st of February 2021 (line k + 1 holds Ck). */
    private static String rows(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "C" + i + ",dat-dai,X,direct,2021-02-01,2021-02-10,,,,,\n")
                .collect(Collectors.joining());
    }

    private String lastStatus() {
        return jdbc.queryForObject("SELECT status FROM import_batch ORDER BY id DESC LIMIT 1", String.class);
    }

    @Test
    void aFirstImportOfManyChunks_isStoredWhole() throws Exception {
        Run run = importDossiers(rows(10));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("10 rows, 10 added, 0 changed, 0 unchanged");
        assertThat(count("dossier")).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT import_id) FROM dossier", Integer.class)).isOne();
        assertThat(count("import_dossier")).as("staging is emptied").isZero();
        assertThat(lastStatus()).isEqualTo("STORED");
    }

    @Test
    void aCodeRepeatedInALaterChunk_refusesTheFile_andNothingOfItStays() throws Exception {
        importDossiers("OLD,dat-dai,X,direct,2021-01-05,2021-01-10,,,,,\n");
        String before = ImportTestSupport.dump(jdbc);
        // C2 on line 3 (chunk 1) comes again on line 9 (chunk 3): chunks 1 and 2 were stored by then.
        Run run = importDossiers(rows(7) + "C2,dat-dai,Y,online,2021-02-02,2021-02-10,,,,,\n" + rows(10).substring(
                rows(7).length()));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 9, code 'C2': repeats the code of line 3").contains("nothing of this file");
        assertThat(ImportTestSupport.dump(jdbc)).isEqualTo(before);
        assertThat(count("import_dossier")).isZero();
        assertThat(lastStatus()).isEqualTo("REFUSED");
    }

    @Test
    void aCodeRepeatedInALaterChunk_withAcceptPartial_keepsTheFirstLine() throws Exception {
        Run run = importDossiers(rows(7) + "C2,dat-dai,Y,online,2021-02-02,2021-02-10,,,,,\n", "--accept-partial");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(count("dossier")).isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT channel || ' ' || procedure FROM dossier WHERE code = 'C2'", String.class))
                .isEqualTo("direct X");
        assertThat(lastStatus()).isEqualTo("STORED");
    }

    @Test
    void aRefusedRowInALaterChunk_refusesTheFile_andWithAcceptPartialOnlyItIsLeftOut() throws Exception {
        String body = rows(7) + "BAD,dat-dai,X,direct,2021-02-31,2021-03-10,,,,,\n" + "C8,dat-dai,X,direct,2021-02-01,,,,,,\n";
        Run refused = importDossiers(body);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("line 9, received_at '2021-02-31': is not a real date");
        assertThat(count("dossier")).isZero();

        Run partial = importDossiers(body, "--accept-partial");
        assertThat(partial.exitCode()).as(partial.err()).isZero();
        assertThat(jdbc.queryForList("SELECT code FROM dossier ORDER BY code", String.class))
                .containsExactly("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8");
        assertThat(count("import_dossier")).isZero();
    }

    @Test
    void codesStoredBefore_areUpdatedOrLeft_andARepeatAmongThemIsFound() throws Exception {
        importDossiers(rows(4));
        // C1 and C2 stored before and changed (finished), C3 and C4 as they were, C5..C10 new.
        String again = rows(10).replace("C1,dat-dai,X,direct,2021-02-01,2021-02-10,,,,,",
                "C1,dat-dai,X,direct,2021-02-01,2021-02-10,2021-02-09,resolved,,,")
                .replace("C2,dat-dai,X,direct,2021-02-01,2021-02-10,,,,,",
                        "C2,dat-dai,X,direct,2021-02-01,2021-02-10,2021-02-08,resolved,,,");
        Run run = importDossiers(again);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("10 rows, 6 added, 2 changed, 2 unchanged");
        assertThat(jdbc.queryForObject("SELECT finished_on FROM dossier WHERE code = 'C2'", String.class))
                .isEqualTo("2021-02-08");

        // A code stored before, twice in the file: the unique key cannot see it, the search after reading does.
        Run repeated = importDossiers(rows(10) + "C3,dat-dai,Z,online,2021-02-01,2021-02-10,,,,,\n");
        assertThat(repeated.exitCode()).isEqualTo(2);
        assertThat(repeated.err()).contains("line 12, code 'C3': repeats the code of line 4");
        assertThat(jdbc.queryForObject("SELECT finished_on FROM dossier WHERE code = 'C2'", String.class))
                .as("the refused file changed nothing").isEqualTo("2021-02-08");
        assertThat(count("dossier")).isEqualTo(10);
    }

    @Test
    void importsThatFailWhileReading_leaveNoTransactionOpen() throws Exception {
        // More failed imports than the connection pool holds: each gives its connection back, rolled back.
        for (int i = 0; i < 12; i++) {
            Run broken = cli("import", "dossiers", file("broken.csv", HEADER + rows(4) + "Q1,dat-dai,\"never closed,direct\n")
                    .toString());
            assertThat(broken.exitCode()).as(broken.err()).isEqualTo(2);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND state LIKE 'idle in transaction%'", Integer.class)).isZero();
        Run good = importDossiers(rows(5));
        assertThat(good.exitCode()).as(good.err()).isZero();
        assertThat(count("dossier")).isEqualTo(5);
    }
}
