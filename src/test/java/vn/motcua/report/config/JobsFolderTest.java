package vn.motcua.report.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;

/** jobs/ is strict: every mistake is refused with the file and the key named; a missing period file is not a mistake. */
class JobsFolderTest {

    private static final Period FEB = Period.of("2021-02", CutoffDay.parse("25"));

    @TempDir
    Path dir;

    @Test
    void theProjectsJobsFolder_givesTheCentre_theSigner_andTheSeedTextsOf2021_02() {
        JobsFolder jobs = new JobsFolder(DatabaseTest.JOBS);
        ReportSettings s = jobs.reportSettings();
        assertThat(s.centre().symbol()).isEqualTo("TTHCC");
        assertThat(s.recipients()).hasSize(5).first().isEqualTo("CT và các PCT UBND huyện;");
        assertThat(s.archive()).isEqualTo("TT");
        assertThat(s.signer()).isEqualTo(new ReportSettings.Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"));

        PeriodTexts t = jobs.periodTexts(FEB);
        assertThat(t.present()).isTrue();
        assertThat(t.number()).isEqualTo("15");
        assertThat(t.date()).isEqualTo(LocalDate.of(2021, 2, 26));
        assertThat(t.figures()).singleElement().satisfies(f -> {
            assertThat(f.dossiers()).isEqualTo(697);
            assertThat(f.perDay()).isEqualTo(100);
            assertThat(f.from()).isEqualTo(LocalDate.of(2021, 2, 17));
            assertThat(f.to()).isEqualTo(LocalDate.of(2021, 2, 25));
        });
        assertThat(t.section2().get(0)).startsWith("- Trong tháng 02/2021, Trung tâm tiếp tục");
        assertThat(t.section3()).hasSize(4);
    }

    @Test
    void theBundledCopy_hasTheSamePeriodTexts() {
        assertThat(new JobsFolder(null).periodTexts(FEB)).usingRecursiveComparison().ignoringFields("file")
                .isEqualTo(new JobsFolder(DatabaseTest.JOBS).periodTexts(FEB));
    }

    @Test
    void whatIsMadeOfAFile_isMadeOncePerCommand_andAfreshForTheNext() throws IOException {
        Files.copy(DatabaseTest.JOBS.resolve("report.yaml"), dir.resolve("report.yaml"));
        JobsFolder jobs = new JobsFolder(dir);
        int[] made = {0};
        java.util.function.Function<JobsFile<ReportFile>, String> symbol = file -> {
            made[0]++;
            return ReportFile.settings(file).centre().symbol();
        };
        assertThat(jobs.made(ReportFile.NAME, ReportFile.class, ReportFile.WRONG_SHAPE, symbol)).contains("TTHCC");
        assertThat(jobs.made(ReportFile.NAME, ReportFile.class, ReportFile.WRONG_SHAPE, symbol)).contains("TTHCC");
        assertThat(made[0]).isOne();

        Files.writeString(dir.resolve("report.yaml"), Files.readString(dir.resolve("report.yaml"))
                .replace("symbol: TTHCC", "symbol: TTPVHCC"));
        assertThat(jobs.made(ReportFile.NAME, ReportFile.class, ReportFile.WRONG_SHAPE, symbol)).contains("TTHCC");
        jobs.readAfresh();
        assertThat(jobs.made(ReportFile.NAME, ReportFile.class, ReportFile.WRONG_SHAPE, symbol)).contains("TTPVHCC");
        assertThat(made[0]).isEqualTo(2);
        assertThat(jobs.made("centres.yaml", ReportFile.class, Map.of(), symbol)).as("no such file").isEmpty();
    }

    @Test
    void aPeriodWithoutItsFile_isNotAnError() {
        PeriodTexts t = new JobsFolder(DatabaseTest.JOBS).periodTexts(Period.of("2021-03", CutoffDay.parse("25")));
        assertThat(t.present()).isFalse();
        assertThat(t.file()).endsWith("periods/2021-03.yaml");
        assertThat(t.section2()).isEmpty();
        assertThat(t.number()).isNull();
    }

    @Test
    void signingTsa_isOptional_anAddressWhenGiven_andStrict() throws IOException {
        assertThat(new JobsFolder(DatabaseTest.JOBS).reportSettings().tsa()).as("not written: none").isNull();
        Files.copy(DatabaseTest.JOBS.resolve("report.yaml"), dir.resolve("report.yaml"));
        String plain = Files.readString(dir.resolve("report.yaml"));
        Files.writeString(dir.resolve("report.yaml"), plain + "\nsigning:\n  tsa: http://tsa.example.vn/tsr\n");
        assertThat(new JobsFolder(dir).reportSettings().tsa()).isEqualTo("http://tsa.example.vn/tsr");

        Files.writeString(dir.resolve("report.yaml"), plain + "\nsigning:\n  tsa: tsa.example.vn\n");
        assertThatThrownBy(() -> new JobsFolder(dir).reportSettings()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("report.yaml").hasMessageContaining("'signing.tsa' is 'tsa.example.vn'")
                .hasMessageContaining("time-stamping authority's address");
        Files.writeString(dir.resolve("report.yaml"), plain + "\nsigning:\n  tsa-url: http://tsa.example.vn\n");
        assertThatThrownBy(() -> new JobsFolder(dir).reportSettings()).hasMessageContaining("unknown key 'signing.tsa-url'");
    }

    @Test
    void unknownKeys_areRefused_namingFileAndKey() throws IOException {
        Files.copy(DatabaseTest.JOBS.resolve("report.yaml"), dir.resolve("report.yaml"));
        Files.writeString(dir.resolve("report.yaml"), "\nsigner-name: X\n", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> new JobsFolder(dir).reportSettings()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("report.yaml").hasMessageContaining("unknown key 'signer-name'");

        period("document:\n  numbr: 3\n");
        assertThatThrownBy(() -> new JobsFolder(dir).periodTexts(FEB)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("periods/2021-02.yaml").hasMessageContaining("unknown key 'document.numbr'");

        period("figures:\n  - procedure: CCCD\n    from: 2021-02-17\n    to: 2021-02-25\n    dossiers: 5\n    per-day: 1\n    perday: 2\n");
        assertThatThrownBy(() -> new JobsFolder(dir).periodTexts(FEB))
                .hasMessageContaining("periods/2021-02.yaml").hasMessageContaining("unknown key 'figures[1].perday'");

        period("section2: |\n  text\n");
        assertThatThrownBy(() -> new JobsFolder(dir).periodTexts(FEB)).hasMessageContaining("unknown key 'section2'");
    }

    @Test
    void wrongValues_areRefused_namingFileAndKey() throws IOException {
        period("figures:\n  - procedure: CCCD\n    from: 2021-02-17\n    to: 2021-03-02\n    dossiers: 5\n");
        assertThatThrownBy(() -> new JobsFolder(dir).periodTexts(FEB))
                .hasMessageContaining("periods/2021-02.yaml").hasMessageContaining("figures[1].from..to")
                .hasMessageContaining("within the period 2021-01-26 .. 2021-02-25");

        period("figures:\n  - procedure: CCCD\n    from: 2021-02-17\n    to: 2021-02-20\n    dossiers: many\n");
        assertThatThrownBy(() -> new JobsFolder(dir).periodTexts(FEB)).hasMessageContaining("'figures[1].dossiers' is 'many'");

        period("document:\n  date: 26/02/2021\n");
        assertThatThrownBy(() -> new JobsFolder(dir).periodTexts(FEB))
                .hasMessageContaining("'document.date' is '26/02/2021': expected a date such as 2021-02-26");

        period("section-3:\n  - a list\n");
        assertThatThrownBy(() -> new JobsFolder(dir).periodTexts(FEB)).hasMessageContaining("'section-3' must be text");
    }

    @Test
    void pdfListLimit_defaultsTo1000_andMustBeAPositiveWholeNumber() throws IOException {
        String shipped = Files.readString(DatabaseTest.JOBS.resolve("report.yaml"));
        assertThat(shipped).contains("pdf-list-limit: 1000");
        Files.writeString(dir.resolve("report.yaml"), shipped.replace("pdf-list-limit: 1000\n", ""));
        assertThat(new JobsFolder(dir).reportSettings().pdfListLimit()).as("default").isEqualTo(1000);
        Files.writeString(dir.resolve("report.yaml"), shipped.replace("pdf-list-limit: 1000", "pdf-list-limit: 50"));
        assertThat(new JobsFolder(dir).reportSettings().pdfListLimit()).isEqualTo(50);
        for (String bad : new String[] {"0", "many", "-3"}) {
            Files.writeString(dir.resolve("report.yaml"), shipped.replace("pdf-list-limit: 1000", "pdf-list-limit: " + bad));
            assertThatThrownBy(() -> new JobsFolder(dir).reportSettings()).as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("report.yaml").hasMessageContaining("'pdf-list-limit' is '" + bad + "'");
        }
    }

    @Test
    void quotedAndUnquotedDates_readTheSame() throws IOException {
        period("document:\n  number: \"07\"\n  date: \"2021-02-26\"\n");
        PeriodTexts quoted = new JobsFolder(dir).periodTexts(FEB);
        period("document:\n  number: 7\n  date: 2021-02-26\n");
        PeriodTexts plain = new JobsFolder(dir).periodTexts(FEB);
        assertThat(quoted.date()).isEqualTo(plain.date()).isEqualTo(LocalDate.of(2021, 2, 26));
        assertThat(quoted.number()).isEqualTo("07");
    }

    /** A short report.yaml whose lines the tests below count. */
    private static final String REPORT = """
            cutoff-day: 25
            centre:
              parent-body: UBND huyện An Hòa
              name: Trung tâm Hành chính công
              place: An Hòa
              symbol: TTHCC
            recipients:
              - CT và các PCT UBND huyện;
            archive: TT
            signer:
              position: GIÁM ĐỐC
              name: Nguyễn Văn An
            """;

    @Test
    void eachMistakeInReportYaml_isRefused_withItsLineAndKeyPath() throws IOException {
        Files.writeString(dir.resolve("report.yaml"), REPORT);
        assertThat(new JobsFolder(dir).reportSettings().centre().symbol()).isEqualTo("TTHCC");
        String file = dir.resolve("report.yaml") + ", line ";
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put(REPORT.replace("  symbol: TTHCC\n", "  symbol: TTHCC\n  symbl: X\n"),
                file + "7: unknown key 'centre.symbl' (known: name, parent-body, place, symbol)");
        refused.put(REPORT.replace("  place: An Hòa\n", ""), file + "3: 'centre.place' is missing");
        refused.put(REPORT.replace("  place: An Hòa\n", "  place: \"  \"\n"), file + "5: 'centre.place' is missing");
        refused.put(REPORT.replace("archive: TT\n", "archive: TT\narchive: TX\n"),
                file + "10: the key 'archive' is given twice (first on line 9)");
        refused.put(REPORT.replace("cutoff-day: 25", "cutoff-day: [25]"),
                file + "1: 'cutoff-day' must be a text, not a block or a list");
        refused.put(REPORT.replace("recipients:\n  - CT và các PCT UBND huyện;", "recipients: CT và các PCT UBND huyện;"),
                file + "7: 'recipients' must be a list of '- ...' lines, one text per line");
        refused.put(REPORT.replace("signer:\n", "signer: Nguyễn Văn An\nx:\n"),
                file + "10: 'signer' must be a block of 'key: value' lines");
        refused.put(REPORT.replace("cutoff-day: 25", "cutoff-day: 32"), file + "1: cutoff-day: ");
        for (Map.Entry<String, String> r : refused.entrySet()) {
            Files.writeString(dir.resolve("report.yaml"), r.getKey());
            assertThatThrownBy(() -> new JobsFolder(dir).reportSettings()).as(r.getKey())
                    .isInstanceOf(ConfigException.class).hasMessageStartingWith(r.getValue())
                    .hasMessageNotContaining("Exception").hasMessageNotContaining("jackson");
        }
    }

    @Test
    void eachMistakeInAPeriodFile_isRefused_withItsLineAndKeyPath() throws IOException {
        String figure = "figures:\n  - procedure: CCCD\n    from: 2021-02-17\n    to: 2021-02-25\n    dossiers: 5\n";
        period(figure);
        assertThat(new JobsFolder(dir).periodTexts(FEB).figures()).singleElement().extracting(PeriodTexts.StaffFigure::dossiers)
                .isEqualTo(5L);
        String file = dir.resolve("periods/2021-02.yaml") + ", line ";
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put(figure + "    perday: 2\n", file + "6: unknown key 'figures[1].perday' (known: dossiers, from, note, "
                + "per-day, procedure, to)");
        refused.put(figure.replace("    dossiers: 5\n", ""), file + "2: 'figures[1].dossiers' is missing");
        refused.put(figure.replace("    dossiers: 5\n", "    dossiers:\n"), file + "5: 'figures[1].dossiers' is missing");
        refused.put("document:\n  number: 3\n  number: 4\n", file + "3: the key 'document.number' is given twice (first on line 2)");
        refused.put(figure.replace("from: 2021-02-17", "from: [2021-02-17]"), file + "3: 'figures[1].from' must be a text");
        refused.put(figure.replace("dossiers: 5", "dossiers: 5.5"), file + "5: 'figures[1].dossiers' is '5.5': expected a whole number");
        refused.put(figure.replace("dossiers: 5", "dossiers: -5"), file + "5: 'figures[1].dossiers' is '-5': expected a whole number");
        refused.put("signer:\n  position: GIÁM ĐỐC\n", file + "2: 'signer.name' is missing");
        for (Map.Entry<String, String> r : refused.entrySet()) {
            period(r.getKey());
            assertThatThrownBy(() -> new JobsFolder(dir).periodTexts(FEB)).as(r.getKey())
                    .isInstanceOf(ConfigException.class).hasMessageStartingWith(r.getValue());
        }
    }

    private void period(String yaml) throws IOException {
        Files.createDirectories(dir.resolve("periods"));
        Files.writeString(dir.resolve("periods/2021-02.yaml"), yaml);
    }
}
