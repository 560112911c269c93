package vn.motcua.report.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.centre.Centre;
import vn.motcua.report.centre.Centres;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.period.PeriodName;
import vn.motcua.report.revision.CentreLevel;
import vn.motcua.report.revision.CentreRow;
import vn.motcua.report.revision.CentreRows;
import vn.motcua.report.revision.CentreTable;
import vn.motcua.report.revision.CsvTables;
import vn.motcua.report.revision.ExecutionHistory;
import vn.motcua.report.revision.ReportKey;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.revision.RevisionStatus;
import vn.motcua.report.revision.TableColumn;

/**
 * The province's month-end run on the demo province (demo/province: the seed's dossiers, each given a receiving
 * centre, with its centres.yaml): {@code run --period P} without --centre makes every listed centre's report and the
 * consolidation in one job; a rerun makes new revisions only for the centres whose dossiers changed, and the
 * consolidation's; a failed centre's report is resumed by restart without redoing the others.
 */
// Chunks of 50 dossiers: the province's reading of the demo's ~500 commits several times.
@TestPropertySource(properties = {"motcua.jobs=" + ProvinceRunTest.JOBS, "motcua.province-chunk-size=50"})
class ProvinceRunTest extends DatabaseTest {

    static final String JOBS = "target/test-jobs/province-run";

    private static final PeriodName FEBRUARY = PeriodName.parse("2021-02");
    private static final String CONSOLIDATION = "tong-hop";
    private static final String AN_PHU_ALIAS = "TTPVHCC xã An Phú";
    private static final String BINH_MY = "Trung tâm Phục vụ hành chính công xã Bình Mỹ";

    static {
        jobsFolder(JOBS, provinceCentres());
    }

    @Autowired
    JobsFolder jobs;
    @Autowired
    RevisionRepository revisions;
    @Autowired
    CentreRows centreRows;
    @Autowired
    ExecutionHistory history;

    private Path out;
    private Centres centres;
    private List<String> export;

    @BeforeEach
    void importProvince() throws IOException {
        jobs.readAfresh();
        centres = Centres.load(jobs).orElseThrow();
        Path file = tmp.resolve("province.csv");
        try (InputStream in = ProvinceRunTest.class.getResourceAsStream("/demo/province/dossiers.csv")) {
            Files.copy(in, file);
        }
        export = Files.readAllLines(file, StandardCharsets.UTF_8);
        Run imported = cli("import", "dossiers", file.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        out = tmp.resolve("out");
    }

    @AfterEach
    void noInjectedFailure() {
        jdbc.execute("DROP TRIGGER IF EXISTS test_injected_failure ON report_unit_row");
        jdbc.execute("DROP FUNCTION IF EXISTS test_injected_failure()");
    }

    private Revision latest(String centre) {
        return revisions.latest(new ReportKey(FEBRUARY, centre)).orElseThrow();
    }

    private Path folder(String centre) {
        return out.resolve("2021-02").resolve(centre);
    }

    @Test
    void theMonthEndRun_makesEveryCentresReport_andTheConsolidation_whoseRowsAreTheCentresTotals() throws Exception {
        Run run = cli("run", "--period", "2021-02", "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        for (Centre centre : centres.centres()) {
            Revision r = latest(centre.code());
            assertThat(r.revision()).as(centre.code()).isEqualTo(1);
            assertThat(r.status()).isEqualTo(RevisionStatus.COMPLETED);
            for (String suffix : List.of(".csv", "-don-vi.csv", ".xlsx", ".pdf")) {
                assertThat(folder(centre.code()).resolve("bao-cao-" + centre.code() + "-2021-02-r1" + suffix)).exists();
            }
            assertThat(run.out()).contains("Centre " + centre.code() + ": made revision 1");
        }
        Run history = cli("history", "--period", "2021-02", "--centre", "xa-an-phu");
        assertThat(history.out()).contains("the dossiers were read and checked once for every report of the province"
                + " run (steps classifyProvince, checkProvince)");

        Revision consolidation = latest(CONSOLIDATION);
        assertThat(consolidation.revision()).isEqualTo(1);
        assertThat(consolidation.status()).isEqualTo(RevisionStatus.COMPLETED);
        Tally total = revisions.table(consolidation).total();
        // The seed's single-centre table (the same 497 dossiers): Tổng cộng 497 48 449 467 459 8 30 29 1.
        assertThat(TableColumn.inTable(total)).containsExactly(497, 48, 449, 467, 459, 8, 30, 29, 1);

        CentreTable byCentre = centreRows.table(consolidation);
        assertThat(byCentre.rows()).hasSize(centres.centres().size() + 2);
        for (Centre centre : centres.centres()) {
            CentreRow row = byCentre.rows().stream().filter(r -> centre.code().equals(r.code())).findFirst().orElseThrow();
            assertThat(row.counts()).as(centre.code())
                    .isEqualTo(revisions.table(latest(centre.code())).total());
        }
        assertThat(byCentre.unlisted()).extracting(CentreRow::name).containsExactly("TTPVHCC xã Tân Lập");
        assertThat(byCentre.undetermined()).isPresent();
        assertThat(byCentre.undetermined().get().counts().get(vn.motcua.report.classify.Counter.TOTAL)).isPositive();
        assertThat(byCentre.total()).as("the rows add up to the total").isEqualTo(total);
        assertThat(centreRows.cited(consolidation)).extracting(CentreRows.CitedCentre::centre)
                .containsExactlyInAnyOrderElementsOf(centres.centres().stream().map(Centre::code).toList());

        Path csv = folder(CONSOLIDATION).resolve("bao-cao-tong-hop-2021-02-r1" + CsvTables.BY_CENTRE);
        assertThat(run.out()).contains(csv.toString());
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(csv, StandardCharsets.UTF_8).replace("\uFEFF", "")))
                .getRecords();
        assertThat(records).hasSize(byCentre.rows().size() + 1);
        Map<String, String> named = new HashMap<>();
        records.forEach(r -> named.put(r.get("centre").isEmpty() ? r.get("name") : r.get("centre"), r.get("level")));
        assertThat(named).containsEntry("xa-an-phu", CentreLevel.COMMUNE.word())
                .containsEntry("TTPVHCC xã Tân Lập", CentreLevel.UNLISTED.word())
                .containsEntry(CentreRow.UNDETERMINED_NAME, CentreLevel.UNDETERMINED.word());
        CSVRecord totalRow = records.get(records.size() - 1);
        assertThat(totalRow.get("centre")).isEqualTo("TOTAL");
        List<Long> totals = new ArrayList<>();
        for (TableColumn c : TableColumn.IN_TABLE) {
            totals.add(Long.parseLong(totalRow.get(c.header())));
        }
        assertThat(totals).containsExactlyElementsOf(java.util.Arrays.stream(TableColumn.inTable(total)).boxed().toList());
        assertThat(Files.readAllBytes(csv)).isEqualTo(CsvTables.byCentre(byCentre));

        String pdf = text(folder(CONSOLIDATION).resolve("bao-cao-tong-hop-2021-02-r1.pdf"));
        assertThat(pdf).contains("UBND TỈNH HÀ TIÊN", "Lê Thị Hoa", "TTPVHCC xã Tân Lập");
        consolidatedWording(pdf, byCentre);

        // Signed off without --centre: the consolidation, signed by the consolidating body's signer; verify compares
        // its table by centre too; its rows are frozen.
        Run signed = cli("sign-off", "--period", "2021-02", "--signer", "Lê Thị Hoa", "--position",
                "PHÓ CHÁNH VĂN PHÒNG", "--on-behalf", "KT. CHÁNH VĂN PHÒNG", "--allow-blank");
        assertThat(signed.exitCode()).as(signed.out() + signed.err()).isZero();
        Path signedFile = folder(CONSOLIDATION).resolve("bao-cao-tong-hop-2021-02-r1-signed.pdf");
        assertThat(signed.out()).contains(signedFile.toString());
        Run verified = cli("verify", signedFile.toString());
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("bao-cao-tong-hop-2021-02-r1" + CsvTables.BY_CENTRE);
        assertThatThrownBy(() -> jdbc.update("UPDATE report_centre_row SET total = total + 1 WHERE revision_id = ?",
                consolidation.id())).hasMessageContaining("frozen");

        // Three of An Phú's dossiers of the month were Bình Mỹ's (a corrected export).
        List<String> moved = export.stream().filter(l -> l.contains("-2102") && l.endsWith("," + AN_PHU_ALIAS))
                .limit(3).map(l -> l.substring(0, l.length() - AN_PHU_ALIAS.length()) + BINH_MY).toList();
        assertThat(moved).hasSize(3);
        Run corrected = cli("import", "dossiers", file("moved.csv", export.get(0) + "\n" + String.join("\n", moved)
                + "\n").toString());
        assertThat(corrected.exitCode()).as(corrected.err()).isZero();
        Map<String, byte[]> before = new HashMap<>();
        for (Centre centre : centres.centres()) {
            before.put(centre.code(), Files.readAllBytes(folder(centre.code())
                    .resolve("bao-cao-" + centre.code() + "-2021-02-r1.pdf")));
        }

        Run rerun = cli("rerun", "--period", "2021-02", "--reason", "3 hồ sơ của xã Bình Mỹ", "--out", out.toString());
        assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isZero();
        for (Centre centre : centres.centres()) {
            boolean changed = centre.code().equals("xa-an-phu") || centre.code().equals("xa-binh-my");
            assertThat(latest(centre.code()).revision()).as(centre.code()).isEqualTo(changed ? 2 : 1);
            assertThat(folder(centre.code()).resolve("bao-cao-" + centre.code() + "-2021-02-r2.pdf"))
                    .as(centre.code()).matches(p -> Files.exists(p) == changed);
            assertThat(Files.readAllBytes(folder(centre.code()).resolve("bao-cao-" + centre.code() + "-2021-02-r1.pdf")))
                    .as("revision 1 of " + centre.code() + " stays").isEqualTo(before.get(centre.code()));
        }
        Revision second = latest(CONSOLIDATION);
        assertThat(second.revision()).isEqualTo(2);
        assertThat(revisions.table(second).total()).as("the same dossiers, counted elsewhere").isEqualTo(total);
        CentreTable after = centreRows.table(second);
        Tally anPhu = rowOf(byCentre, "xa-an-phu");
        Tally anPhuAfter = rowOf(after, "xa-an-phu");
        assertThat(anPhuAfter.get(vn.motcua.report.classify.Counter.TOTAL))
                .isEqualTo(anPhu.get(vn.motcua.report.classify.Counter.TOTAL) - 3);
        assertThat(rowOf(after, "xa-binh-my").get(vn.motcua.report.classify.Counter.TOTAL))
                .isEqualTo(rowOf(byCentre, "xa-binh-my").get(vn.motcua.report.classify.Counter.TOTAL) + 3);
        assertThat(centreRows.cited(second)).filteredOn(CentreRows.CitedCentre::made)
                .extracting(CentreRows.CitedCentre::centre).containsExactlyInAnyOrder("xa-an-phu", "xa-binh-my");
        assertThat(rerun.out()).contains("Centre tinh: kept revision 1", "Centre xa-an-phu: made revision 2");
    }

    @Test
    void aLateDossierOfAnUnlistedCentre_isListedUnderTheNameTheTableByCentreGivesIt_whateverItsSpelling() throws Exception {
        // Tân Lập's dossier due on 27/01 and resolved on 26/01, resolved on 03/02 instead (7 days late), and exported
        // under another spelling of the same unlisted centre.
        String code = "000.00.21.H12-210125-0002";
        String row = export.stream().filter(l -> l.startsWith(code + ",")).findFirst().orElseThrow();
        String late = row.replace("2021-01-26T09:00", "2021-02-03T09:00")
                .replace(",TTPVHCC xã Tân Lập", ",ttpvhcc  XÃ Tân Lập");
        assertThat(late).isNotEqualTo(row).endsWith("ttpvhcc  XÃ Tân Lập").contains("2021-02-03T09:00");
        Run imported = cli("import", "dossiers", file("late.csv", export.get(0) + "\n" + late + "\n").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        Run run = cli("run", "--period", "2021-02", "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        CentreTable byCentre = centreRows.table(latest(CONSOLIDATION));
        assertThat(byCentre.unlisted()).extracting(CentreRow::name).containsExactly("TTPVHCC xã Tân Lập");
        assertThat(byCentre.unlisted().get(0).counts().get(vn.motcua.report.classify.Counter.LATE)).isOne();

        String flat = text(folder(CONSOLIDATION).resolve("bao-cao-tong-hop-2021-02-r1.pdf")).replace('\u00a0', ' ')
                .replaceAll("\\s+", " ");
        String lists = flat.substring(flat.indexOf("a) Hồ sơ đã giải quyết trễ hẹn"), flat.indexOf("PHỤ LỤC 03"));
        assertThat(lists).containsSubsequence("Trung tâm Phục vụ hành chính công xã Vĩnh An: 1 hồ sơ",
                "TTPVHCC xã Tân Lập: 1 hồ sơ", "Phòng Tài chính - Kế hoạch", code,
                "Chưa xác định nơi tiếp nhận: 2 hồ sơ").doesNotContain("ttpvhcc");
        // Five listed or unlisted places with some, now six; the province's centre still first.
        assertThat(flat).contains("Trong kỳ, 06 nơi tiếp nhận có hồ sơ giải quyết trễ hẹn hoặc đang giải quyết quá hạn; "
                + "nhiều nhất là: Trung tâm Phục vụ hành chính công tỉnh Hà Tiên (03 hồ sơ giải quyết trễ hẹn);");
    }

    @Test
    void aCentreWhoseReportFailed_isResumedByRestart_andTheCentresThatCompletedAreNotMadeAgain() throws Exception {
        // The database refuses to keep Vĩnh An's table by unit (its report's writeTable step), once.
        jdbc.execute("""
                CREATE FUNCTION test_injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM report_revision WHERE id = NEW.revision_id AND centre = 'xa-vinh-an') THEN
                        RAISE EXCEPTION 'injected failure in xa-vinh-an';
                    END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("""
                CREATE TRIGGER test_injected_failure BEFORE INSERT ON report_unit_row
                FOR EACH ROW EXECUTE FUNCTION test_injected_failure()""");
        Run failed = cli("run", "--period", "2021-02", "--out", out.toString());
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        assertThat(failed.err()).doesNotContain("injected failure", "Exception");
        assertThat(latest("xa-vinh-an").status()).isEqualTo(RevisionStatus.FAILED);
        assertThat(latest(CONSOLIDATION).completed()).isFalse();
        assertThat(folder(CONSOLIDATION)).doesNotExist();

        Map<String, byte[]> made = new HashMap<>();
        for (Centre centre : centres.centres()) {
            Path pdf = folder(centre.code()).resolve("bao-cao-" + centre.code() + "-2021-02-r1.pdf");
            if (latest(centre.code()).completed()) {
                made.put(centre.code(), Files.readAllBytes(pdf));
            }
        }
        assertThat(made).as("the other centres' reports ran").isNotEmpty().doesNotContainKey("xa-vinh-an");

        noInjectedFailure();
        // As a kill -9 would leave them: the province execution and Vĩnh An's report execution STARTED, with no end.
        long vinhAn = history.executions(new ReportKey(FEBRUARY, "xa-vinh-an")).get(0).executionId();
        long province = jdbc.queryForObject("""
                SELECT max(e.job_execution_id) FROM batch_job_execution e
                  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                 WHERE i.job_name = ?""", Long.class, ProvinceJobConfiguration.JOB_NAME);
        for (long execution : new long[] {vinhAn, province}) {
            jdbc.update("UPDATE batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL"
                    + " WHERE job_execution_id = ?", execution);
            jdbc.update("UPDATE batch_step_execution SET status = 'STARTED', exit_code = 'EXECUTING', end_time = NULL"
                    + " WHERE job_execution_id = ? AND status = 'FAILED'", execution);
        }
        jdbc.update("UPDATE report_revision SET status = 'RUNNING' WHERE centre = 'xa-vinh-an'");
        Run run = cli("run", "--period", "2021-02", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("restart --period 2021-02");

        Run restarted = cli("restart", "--period", "2021-02");
        assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
        for (Centre centre : centres.centres()) {
            Revision r = latest(centre.code());
            assertThat(r.revision()).as(centre.code()).isEqualTo(1);
            assertThat(r.status()).as(centre.code()).isEqualTo(RevisionStatus.COMPLETED);
        }
        made.forEach((centre, pdf) -> {
            assertThat(history.executions(new ReportKey(FEBRUARY, centre))).as(centre + ": one execution").hasSize(1);
            try {
                assertThat(Files.readAllBytes(folder(centre).resolve("bao-cao-" + centre + "-2021-02-r1.pdf")))
                        .as(centre + " was not made again").isEqualTo(pdf);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(folder("xa-vinh-an").resolve("bao-cao-xa-vinh-an-2021-02-r1.pdf")).exists();
        Revision consolidation = latest(CONSOLIDATION);
        assertThat(consolidation.status()).isEqualTo(RevisionStatus.COMPLETED);
        assertThat(centreRows.table(consolidation).total()).isEqualTo(revisions.table(consolidation).total());
        assertThat(folder(CONSOLIDATION).resolve("bao-cao-tong-hop-2021-02-r1" + CsvTables.BY_CENTRE)).exists();
    }

    @Test
    void theDossiersAreReadOnce_forEveryReport_andAFailureWhileReadingThem_isResumedWithoutCountingOneTwice()
            throws Exception {
        // Vĩnh An's third block of cells is refused: with chunks of 50 dossiers the province's reading fails part way,
        // after some chunks committed.
        jdbc.execute("CREATE SEQUENCE test_vinh_an_additions");
        jdbc.execute("""
                CREATE FUNCTION test_injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM report_revision WHERE id = NEW.revision_id AND centre = 'xa-vinh-an')
                       AND nextval('test_vinh_an_additions') > 2 THEN
                        RAISE EXCEPTION 'injected failure in xa-vinh-an';
                    END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("""
                CREATE TRIGGER test_injected_failure_rows BEFORE INSERT ON report_dossier_block
                FOR EACH ROW EXECUTE FUNCTION test_injected_failure()""");
        try {
            Run failed = cli("run", "--period", "2021-02", "--out", out.toString());
            assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
            assertThat(failed.err()).doesNotContain("injected failure", "Exception");
        } finally {
            jdbc.execute("DROP TRIGGER test_injected_failure_rows ON report_dossier_block");
            jdbc.execute("DROP SEQUENCE test_vinh_an_additions");
        }
        long committedBefore = readByTheProvince();
        assertThat(committedBefore).as("chunks committed before the failure").isPositive();
        for (Centre centre : centres.centres()) {
            assertThat(history.executions(new ReportKey(FEBRUARY, centre.code()))).as(centre.code()).isEmpty();
        }
        // One centre alone cannot be resumed: the province's reading wrote part of its cells.
        Run alone = cli("restart", "--period", "2021-02", "--centre", "xa-vinh-an");
        assertThat(alone.exitCode()).as(alone.out() + alone.err()).isEqualTo(2);
        assertThat(alone.err()).contains("2021-02 --centre xa-vinh-an revision 1", "restart --period 2021-02")
                .doesNotContain("Exception");
        assertThat(cliIn(java.util.Locale.forLanguageTag("vi"), "restart", "--period", "2021-02", "--centre",
                "xa-vinh-an").err()).contains("Báo cáo 2021-02 --centre xa-vinh-an lần 1 được lập trong lượt chạy của cả"
                + " tỉnh, lượt đó chưa xong: chạy tiếp cả lượt bằng lệnh restart --period 2021-02");

        Run restarted = cli("restart", "--period", "2021-02");
        assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
        Revision consolidation = latest(CONSOLIDATION);
        // Every dossier that may be in scope, read once in all: before the failure and after the restart.
        long mayBeInScope = jdbc.queryForObject("SELECT count(*) FROM dossier WHERE received_on <= ?"
                + " AND (finished_on IS NULL OR finished_on >= ?) AND not_counted IS NULL", Long.class,
                consolidation.period().end(), consolidation.period().start());
        assertThat(readByTheProvince()).isEqualTo(mayBeInScope);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM batch_step_execution WHERE step_name LIKE 'classifyPartition%'""", Long.class))
                .as("no centre's report, nor the consolidation, read the dossiers again").isZero();
        assertThat(consolidation.status()).isEqualTo(RevisionStatus.COMPLETED);
        assertThat(TableColumn.inTable(revisions.table(consolidation).total()))
                .containsExactly(497, 48, 449, 467, 459, 8, 30, 29, 1);
        // Each centre's report passed its check step (its own recount of the centre's dossiers) and is the
        // consolidation's row of that centre.
        CentreTable byCentre = centreRows.table(consolidation);
        for (Centre centre : centres.centres()) {
            Revision r = latest(centre.code());
            assertThat(r.status()).as(centre.code()).isEqualTo(RevisionStatus.COMPLETED);
            assertThat(revisions.table(r).total()).as(centre.code()).isEqualTo(rowOf(byCentre, centre.code()));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM report_dossier_block b, unnest(b.dossier_ids) u"
                    + " WHERE b.revision_id = ?", Long.class, r.id())).as(centre.code() + "'s cells")
                    .isEqualTo(revisions.table(r).total().get(vn.motcua.report.classify.Counter.TOTAL));
        }
    }

    @Test
    void aCentreCountedApartFromItsRecount_failsTheProvinceRunBeforeAnyDocument_andRerunMakesTheRevisionsAgain()
            throws Exception {
        // A slip in Vĩnh An's counting as the province reads the dossiers: a late dossier too many in each sum.
        jdbc.execute("""
                CREATE FUNCTION test_injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM report_revision WHERE id = NEW.revision_id AND centre = 'xa-vinh-an') THEN
                        NEW.late := NEW.late + 1;
                    END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("""
                CREATE TRIGGER test_injected_failure BEFORE UPDATE ON report_row
                FOR EACH ROW EXECUTE FUNCTION test_injected_failure()""");
        Run failed;
        try {
            failed = cli("run", "--period", "2021-02", "--out", out.toString());
        } finally {
            jdbc.execute("DROP TRIGGER test_injected_failure ON report_row");
        }
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        assertThat(failed.err()).doesNotContain("Exception").contains("rerun --period 2021-02");
        assertThat(jdbc.queryForList("""
                SELECT s.exit_message FROM batch_step_execution s WHERE s.step_name = ? AND s.status = 'FAILED'""",
                String.class, CheckProvinceStep.NAME)).singleElement().asString()
                .contains("xa-vinh-an: field").contains("job counted").contains("but SQL counts");
        assertThat(out.resolve("2021-02")).as("no document of any centre").doesNotExist();
        assertThat(latest(CONSOLIDATION).completed()).isFalse();

        Run rerun = cli("rerun", "--period", "2021-02", "--reason", "đếm lại", "--out", out.toString());
        assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isZero();
        Revision consolidation = latest(CONSOLIDATION);
        assertThat(consolidation.revision()).isEqualTo(2);
        assertThat(TableColumn.inTable(revisions.table(consolidation).total()))
                .containsExactly(497, 48, 449, 467, 459, 8, 30, 29, 1);
        assertThat(revisions.table(latest("xa-vinh-an")).total())
                .isEqualTo(rowOf(centreRows.table(consolidation), "xa-vinh-an"));
    }

    /**
     * The dossiers the province job's classifyProvince partitions read in chunks that committed, over all its
     * executions (written, or filtered as out of scope; a chunk rolled back is counted as read, not as written).
     */
    private long readByTheProvince() {
        return jdbc.queryForObject("""
                SELECT coalesce(sum(write_count + filter_count), 0) FROM batch_step_execution
                 WHERE step_name LIKE 'classifyProvincePartition%'""", Long.class);
    }

    @Test
    void aCentreRowThatDiffersFromTheCentresOwnReport_failsTheConsolidation_namingCentreAndCell() throws Exception {
        Run run = cli("run", "--period", "2021-02", "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        long anPhu = revisions.table(latest("xa-an-phu")).total().get(vn.motcua.report.classify.Counter.TOTAL);
        // Edited in the database, not imported: no import says the centres' reports changed, so they are kept.
        assertThat(jdbc.update("UPDATE dossier SET centre = ? WHERE id = (SELECT min(id) FROM dossier WHERE centre = ?"
                + " AND received_on BETWEEN DATE '2021-02-01' AND DATE '2021-02-20')", BINH_MY, AN_PHU_ALIAS)).isOne();

        Run rerun = cli("rerun", "--period", "2021-02", "--reason", "kiểm tra", "--out", out.toString());
        assertThat(rerun.exitCode()).isEqualTo(1);
        assertThat(rerun.err()).contains("the row of centre xa-an-phu has total = " + (anPhu - 1)
                + ", but that centre's revision 1 has " + anPhu).doesNotContain("Exception");
        assertThat(latest(CONSOLIDATION).revision()).isEqualTo(2);
        assertThat(latest(CONSOLIDATION).completed()).isFalse();
        assertThat(folder(CONSOLIDATION).resolve("bao-cao-tong-hop-2021-02-r2.pdf")).doesNotExist();

        // Resuming cannot help (the same rows would differ again): the run was abandoned, and a rerun is not refused.
        Run again = cli("rerun", "--period", "2021-02", "--reason", "kiểm tra lại", "--out", out.toString());
        assertThat(rerun.err()).contains("rerun --period 2021-02 --reason TEXT").doesNotContain("restart --period");
        assertThat(again.err()).doesNotContain("did not complete");
        assertThat(latest(CONSOLIDATION).revision()).isEqualTo(3);
    }

    /**
     * The consolidation's own sentences, worked by hand from the demo province's centres.yaml (two provincial centres,
     * four communes) and its rows by centre (the -trung-tam.csv above): late / overdue are 3/0 at the province's
     * centre, 1/0 at the branch, 0/1 at An Phú, 1/0 at Bình Mỹ and Vĩnh An, 0/0 at Đông Hải and Tân Lập, 2/0 with
     * no centre.
     */
    private static void consolidatedWording(String pdf, CentreTable byCentre) {
        String flat = pdf.replace('\u00a0', ' ').replaceAll("\\s+", " ");
        // Section 1 speaks of the province's centres, not of the consolidating office as a centre.
        assertThat(flat).contains("theo cơ chế một cửa tại các Trung tâm Phục vụ hành chính công trên địa bàn tỉnh Hà "
                        + "Tiên tháng 02/2021",
                "Thực hiện chế độ báo cáo định kỳ, Văn phòng UBND tỉnh tổng hợp tình hình tiếp nhận, giải quyết TTHC "
                        + "theo cơ chế một cửa tháng 02/2021 tại các Trung tâm Phục vụ hành chính công trên địa bàn tỉnh "
                        + "Hà Tiên (06 trung tâm: cấp tỉnh 02, cấp xã 04) trong thời gian từ ngày 26/01/2021",
                // (459 on time or early + 29 pending in time) / 497 = 98,19%.
                "(Quyết định số 766/QĐ-TTg) của các Trung tâm trên địa bàn là 98,2%; số liệu và tỷ lệ của từng nơi "
                        + "tiếp nhận tại Phụ lục 05.")
                .doesNotContain("tại Văn phòng UBND tỉnh");

        // Bình Mỹ's row: 52 dossiers, 49 resolved on time or early, 2 pending in time: 51/52 = 98,08%.
        assertThat(TableColumn.inTable(rowOf(byCentre, "xa-binh-my"))).containsExactly(52, 7, 45, 50, 49, 1, 2, 2, 0);
        assertThat(flat).contains("Trung tâm Phục vụ hành chính công xã Bình Mỹ 52 7 45 50 49 1 2 2 0 98,1%");

        // Section 3: five places with late or overdue dossiers; the province's centre first (3), then the first two of
        // the four with one, in the table's order; the undetermined ones told apart.
        assertThat(flat).contains("Trong kỳ, 05 nơi tiếp nhận có hồ sơ giải quyết trễ hẹn hoặc đang giải quyết quá hạn; "
                + "nhiều nhất là: Trung tâm Phục vụ hành chính công tỉnh Hà Tiên (03 hồ sơ giải quyết trễ hẹn); Chi "
                + "nhánh số 1 Trung tâm Phục vụ hành chính công tỉnh (01 hồ sơ giải quyết trễ hẹn); Trung tâm Phục vụ "
                + "hành chính công xã An Phú (01 hồ sơ đang giải quyết quá hạn).",
                "Ngoài ra, 02 hồ sơ giải quyết trễ hẹn chưa xác định nơi tiếp nhận.");

        // The lists by receiving centre in the table's order, each named as listed (the branch's dossier was exported
        // under its alias "Chi nhánh 1", An Phú's under "TTPVHCC xã An Phú"), then by unit; a blank one undetermined.
        String lists = flat.substring(flat.indexOf("a) Hồ sơ đã giải quyết trễ hẹn"));
        assertThat(lists).containsSubsequence(
                "Trung tâm Phục vụ hành chính công tỉnh Hà Tiên: 3 hồ sơ",
                "Phòng Tài nguyên và Môi trường: 1 hồ sơ", "Phòng Lao động - Thương binh và Xã hội: 2 hồ sơ",
                "Chi nhánh số 1 Trung tâm Phục vụ hành chính công tỉnh: 1 hồ sơ",
                "Phòng Tài nguyên và Môi trường: 1 hồ sơ", "000.00.21.H12-210111-0001",
                "Trung tâm Phục vụ hành chính công xã Bình Mỹ: 1 hồ sơ", "000.00.21.H12-210122-0007",
                "Trung tâm Phục vụ hành chính công xã Vĩnh An: 1 hồ sơ",
                "Chưa xác định nơi tiếp nhận: 2 hồ sơ", "Phòng Tài nguyên và Môi trường: 1 hồ sơ",
                "000.00.21.H12-210127-0045", "Phòng Lao động - Thương binh và Xã hội: 1 hồ sơ",
                // the overdue list's table (PDFBox reads the tables after the headings "a)" and "b)")
                "Trung tâm Phục vụ hành chính công xã An Phú: 1 hồ sơ", "000.00.21.H12-210119-0008");
        assertThat(lists).doesNotContain("TTPVHCC xã An Phú", "Chi nhánh 1 ");
    }

    private static Tally rowOf(CentreTable table, String code) {
        return table.rows().stream().filter(r -> code.equals(r.code())).findFirst().orElseThrow().counts();
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
