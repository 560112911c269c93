package vn.motcua.report.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.importing.OfficeFiles;
import vn.motcua.report.revision.CentreRow;
import vn.motcua.report.revision.CsvTables;
import vn.motcua.report.revision.TableColumn;

/**
 * A province of 38 listed centres (its own centre, two branches, 35 communes) and an export of its month as an
 * office user hands it over: a workbook saved by LibreOffice from the system's CSV, headings in Vietnamese, one
 * commune named only by an alias in another case and spacing, one centre the configuration does not list, some
 * dossiers with no centre. One import and one {@code run}: every centre's table is the hand count of what it
 * received, and the consolidation's tables by field and by centre are the sums of the centres' (and of the unlisted
 * and undetermined dossiers).
 *
 * <p>The export is made so that the hand count needs no classifier: each dossier is of one of seven kinds whose
 * place in the table (period 2021-02, cutoff 25: 26/01/2021 .. 25/02/2021) is stated in {@link Kind}, and
 * receiving place {@code i} (1–38 the listed centres in the file's order, 39 the unlisted one, 40 none) gets a
 * number of each kind that is a simple function of {@code i} ({@link Kind#count}). Place 7, a commune, worked by
 * hand: 2 carried over resolved on time, 1 new resolved early, 3 new resolved late, 3 new not yet due, no carried
 * over overdue, 1 received after the period, 1 finished before it: total 9 = 2 carried over + 7 new; resolved 6
 * (on time 3, late 3); pending 3 (not yet due 3, overdue 0).
 */
@TestPropertySource(properties = "motcua.jobs=" + ProvinceExportTest.JOBS)
class ProvinceExportTest extends DatabaseTest {

    static final String JOBS = "target/test-jobs/province-export";

    private static final String PERIOD = "2021-02";
    private static final String CONSOLIDATION = "tong-hop";

    /** The communes, in the order centres.yaml lists them (centres 4–38). */
    private static final List<String> COMMUNES = List.of("An Phú", "Bình Mỹ", "Vĩnh An", "Tân Hòa", "Phú Lộc",
            "Hòa Bình", "Long Hưng", "Mỹ Thạnh", "Thạnh Lợi", "Đông Hải", "Tây Sơn", "Hưng Đạo", "Quang Trung", "Lê Lợi",
            "Nhơn Hòa", "Phước Long", "Phú Mỹ", "Bình Thạnh", "Tân Phú", "Hòa Thuận", "Long Điền", "Mỹ Hòa", "Vĩnh Thạnh",
            "An Nhơn", "Phước Hải", "Tân Thành", "Bình Châu", "Hòa Lợi", "Long Mỹ", "Phú Hòa", "Thới An", "Định An",
            "Xuân Sơn", "Hiệp Thành", "Kim Long");
    /** The commune the export names only by its alias, in another case and spacing. */
    private static final String ALIASED = "Phú Mỹ";
    private static final String ALIAS = "TTPVHCC xã Phú Mỹ";
    private static final String ALIAS_AS_EXPORTED = "ttpvhcc  XÃ   phú mỹ";
    /** The unlisted centre, as the export writes it (decomposed Unicode, doubled spaces) and as it is counted. */
    private static final String UNLISTED = "Bộ phận một cửa xã Tân Lập";
    private static final String UNLISTED_AS_EXPORTED = Normalizer.normalize("Bộ phận  một cửa xã Tân Lập ",
            Normalizer.Form.NFD);
    private static final int PLACES = 40;
    private static final int UNLISTED_PLACE = 39;
    private static final int NO_CENTRE = 40;

    /** The fields the dossiers are in, by the names the export writes; the j-th dossier of place i is in (i + j) % 4. */
    private static final List<String> FIELD_NAMES = List.of("Đất đai", "Hộ tịch", "Chứng thực", "Bảo trợ xã hội");
    private static final List<String> FIELD_CODES = List.of("dat-dai", "ho-tich", "chung-thuc", "bao-tro-xa-hoi");

    static {
        jobsFolder(JOBS, centresYaml());
    }

    /**
     * A kind of dossier: its dates and the cells of the table it adds one to (total, carried over, new, resolved,
     * on time incl. early, late, pending, not yet due, overdue), stated by hand from docs/counting.md.
     */
    enum Kind {
        // Received 18/01 (before the period), due 08/02, finished 08/02: carried over, resolved on time.
        CARRIED_ON_TIME("2021-01-18", "2021-02-08", "2021-02-08", 1, 1, 0, 1, 1, 0, 0, 0, 0),
        // Received 01/02, due 20/02, finished 12/02: new, resolved early (counted on time).
        NEW_EARLY("2021-02-01", "2021-02-20", "2021-02-12", 1, 0, 1, 1, 1, 0, 0, 0, 0),
        // Received 02/02, due 09/02, finished 16/02: new, resolved late.
        NEW_LATE("2021-02-02", "2021-02-09", "2021-02-16", 1, 0, 1, 1, 0, 1, 0, 0, 0),
        // Received 15/02, due 05/03, open: new, pending, not yet due at 25/02.
        NEW_NOT_YET_DUE("2021-02-15", "2021-03-05", null, 1, 0, 1, 0, 0, 0, 1, 1, 0),
        // Received 11/01, due 01/02, open: carried over, pending, overdue at 25/02.
        CARRIED_OVERDUE("2021-01-11", "2021-02-01", null, 1, 1, 0, 0, 0, 0, 1, 0, 1),
        // Received 26/02, after the period: not counted.
        AFTER("2021-02-26", "2021-03-10", null, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        // Received 04/01 and finished 19/01, before the period: not counted.
        BEFORE("2021-01-04", "2021-01-20", "2021-01-19", 0, 0, 0, 0, 0, 0, 0, 0, 0);

        final String received;
        final String due;
        final String finished;
        final long[] cells;

        Kind(String received, String due, String finished, long... cells) {
            this.received = received;
            this.due = due;
            this.finished = finished;
            this.cells = cells;
        }

        /** How many dossiers of this kind place {@code i} received. */
        int count(int i) {
            return switch (this) {
                case CARRIED_ON_TIME -> 1 + i % 3;
                case NEW_EARLY -> i % 2;
                case NEW_LATE -> i % 4;
                case NEW_NOT_YET_DUE -> 1 + i % 5;
                case CARRIED_OVERDUE -> i / 10;
                case AFTER -> 1;
                case BEFORE -> i % 2;
            };
        }
    }

    /** One row of the export: its receiving place, field and kind. */
    private record Dossier(int place, int field, Kind kind) {
    }

    @Autowired
    JobsFolder jobs;

    /** centres.yaml: the province's centre, two branches, the communes; the aliased commune has its alias. */
    private static String centresYaml() {
        StringBuilder y = new StringBuilder("""
                consolidation:
                  code: tong-hop
                  parent-body: UBND tỉnh Hà Tiên
                  name: Văn phòng UBND tỉnh
                  place: Hà Tiên
                  symbol: VPUBND
                  signer: {on-behalf: KT. CHÁNH VĂN PHÒNG, position: PHÓ CHÁNH VĂN PHÒNG, name: Lê Thị Hoa}
                  recipients: [Cục Kiểm soát TTHC, Văn phòng Chính phủ;]
                centres:
                """);
        for (int i = 1; i <= 38; i++) {
            y.append("  - code: ").append(code(i)).append('\n')
                    .append("    name: ").append(name(i)).append('\n')
                    .append("    level: ").append(level(i)).append('\n')
                    .append("    parent-body: ").append(i <= 3 ? "Văn phòng UBND tỉnh Hà Tiên" : "UBND xã " + commune(i))
                    .append('\n')
                    .append("    place: ").append(i <= 3 ? "Hà Tiên" : commune(i)).append('\n')
                    .append("    symbol: TTPVHCC\n");
            if (i > 3 && commune(i).equals(ALIASED)) {
                y.append("    aliases: [").append(ALIAS).append("]\n");
            }
        }
        return y.toString();
    }

    private static String commune(int i) {
        return COMMUNES.get(i - 4);
    }

    private static String code(int i) {
        return i == 1 ? "tinh" : i <= 3 ? "chi-nhanh-" + (i - 1) : String.format("xa-%02d", i - 3);
    }

    private static String name(int i) {
        return i == 1 ? "Trung tâm Phục vụ hành chính công tỉnh Hà Tiên"
                : i <= 3 ? "Chi nhánh số " + (i - 1) + " Trung tâm Phục vụ hành chính công tỉnh"
                : "Trung tâm Phục vụ hành chính công xã " + commune(i);
    }

    private static String level(int i) {
        return i == 1 ? "province" : i <= 3 ? "branch" : "commune";
    }

    /** What the export's "Nơi tiếp nhận" says for place {@code i}. */
    private static String receivedAt(int i) {
        if (i == UNLISTED_PLACE) {
            return UNLISTED_AS_EXPORTED;
        }
        if (i == NO_CENTRE) {
            return "";
        }
        return i > 3 && commune(i).equals(ALIASED) ? ALIAS_AS_EXPORTED : name(i);
    }

    private static List<Dossier> dossiers() {
        List<Dossier> all = new ArrayList<>();
        for (int i = 1; i <= PLACES; i++) {
            int j = 0;
            for (Kind kind : Kind.values()) {
                for (int n = 0; n < kind.count(i); n++) {
                    all.add(new Dossier(i, (i + j++) % FIELD_NAMES.size(), kind));
                }
            }
        }
        return all;
    }

    /** The export as the province's system writes its CSV, the rows in no particular order. */
    private static String exportCsv(List<Dossier> dossiers) {
        List<Dossier> rows = new ArrayList<>(dossiers);
        Collections.shuffle(rows, new Random(40));
        String[] channels = {"Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính công ích"};
        StringBuilder csv = new StringBuilder("STT,Mã hồ sơ,Lĩnh vực,Tên thủ tục,Hình thức nộp,Ngày tiếp nhận,"
                + "Ngày hẹn trả,Ngày có kết quả,Trạng thái,Cơ quan giải quyết,Nơi tiếp nhận\n");
        for (int r = 0; r < rows.size(); r++) {
            Dossier d = rows.get(r);
            Kind k = d.kind();
            csv.append(r + 1).append(",000.00.40.H99-2102-").append(String.format("%05d", r + 1)).append(',')
                    .append(FIELD_NAMES.get(d.field())).append(",Thủ tục ").append(d.field() + 1).append(',')
                    .append(channels[r % channels.length]).append(',').append(k.received).append(',').append(k.due)
                    .append(',').append(k.finished == null ? "" : k.finished).append(',')
                    .append(k.finished == null ? "Đang xử lý" : "Đã trả kết quả").append(',')
                    .append(d.place() <= 3 ? "Sở Tài nguyên và Môi trường" : "UBND xã " + (d.place() <= 38
                            ? commune(d.place()) : "Tân Lập")).append(",\"").append(receivedAt(d.place())).append("\"\n");
        }
        return csv.toString();
    }

    /** The hand count of place {@code i} (or of every place when null), field by field. */
    private static Map<String, long[]> handCount(List<Dossier> dossiers, Integer place) {
        Map<String, long[]> byField = new LinkedHashMap<>();
        FIELD_CODES.forEach(f -> byField.put(f, new long[TableColumn.IN_TABLE.size()]));
        for (Dossier d : dossiers) {
            if (place == null || d.place() == place) {
                add(byField.get(FIELD_CODES.get(d.field())), d.kind().cells);
            }
        }
        return byField;
    }

    private static long[] total(Map<String, long[]> byField) {
        long[] sum = new long[TableColumn.IN_TABLE.size()];
        byField.values().forEach(row -> add(sum, row));
        return sum;
    }

    private static void add(long[] sum, long[] row) {
        for (int c = 0; c < sum.length; c++) {
            sum[c] += row[c];
        }
    }

    @Test
    void fortyCentres_oneImportAndOneRun_giveEachCentresHandCount_andTheConsolidationTheirSums() throws Exception {
        String skip = OfficeFiles.missing();
        if (skip != null) {
            System.out.println("ProvinceExportTest: " + skip);
            return;
        }
        List<Dossier> dossiers = dossiers();
        Path csv = Files.createDirectories(tmp.resolve("he-thong")).resolve("ho-so-thang-02.csv");
        Files.writeString(csv, exportCsv(dossiers), StandardCharsets.UTF_8);
        long started = System.nanoTime();
        OfficeFiles.convertCsv(List.of(csv), "xlsx", tmp);
        Path workbook = tmp.resolve("ho-so-thang-02.xlsx");
        long converted = System.nanoTime();

        jobs.readAfresh();
        Run imported = cli("import", "dossiers", workbook.toString());
        long importedAt = System.nanoTime();
        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
        assertThat(imported.out()).contains(dossiers.size() + " rows, " + dossiers.size() + " added");
        assertThat(imported.out().lines().filter(l -> l.startsWith("Receiving centres")))
                .as("the only centre not listed: the alias and the names in other spellings are listed centres")
                .singleElement().asString().contains(": " + UNLISTED + " (" + dossiers.stream()
                        .filter(d -> d.place() == UNLISTED_PLACE).count() + " dossiers).").doesNotContain(";");

        Path out = tmp.resolve("out");
        long runStarted = System.nanoTime();
        Run run = cli("run", "--period", PERIOD, "--out", out.toString());
        System.out.printf("ProvinceExportTest: LibreOffice %d ms, import %d ms, the run of 38 centres and the"
                + " consolidation %d ms%n", ms(converted - started), ms(importedAt - converted),
                ms(System.nanoTime() - runStarted));
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        // Each centre's table: its hand count, field by field and in total.
        Map<String, long[]> sumOfCentres = handCount(List.of(), null);
        for (int i = 1; i <= 38; i++) {
            Map<String, long[]> hand = handCount(dossiers, i);
            Map<String, long[]> table = byField(out.resolve(PERIOD).resolve(code(i))
                    .resolve("bao-cao-" + code(i) + "-" + PERIOD + "-r1" + CsvTables.BY_FIELD));
            for (String field : FIELD_CODES) {
                assertThat(table.get(field)).as(code(i) + " " + field).containsExactly(hand.get(field));
                add(sumOfCentres.get(field), table.get(field));
            }
            assertThat(table.get("TOTAL")).as(code(i) + " total").containsExactly(total(hand));
            assertThat(table.keySet()).as(code(i) + ": only the four fields have dossiers").allMatch(f ->
                    FIELD_CODES.contains(f) || f.equals("TOTAL") || Arrays.stream(table.get(f)).allMatch(v -> v == 0));
        }
        assertThat(total(handCount(dossiers, 7))).as("place 7, as worked in the comment")
                .containsExactly(9, 2, 7, 6, 3, 3, 3, 3, 0);

        // The consolidation's table by field: the centres' tables plus the unlisted and undetermined dossiers.
        Map<String, long[]> unlisted = handCount(dossiers, UNLISTED_PLACE);
        Map<String, long[]> none = handCount(dossiers, NO_CENTRE);
        Map<String, long[]> consolidation = byField(out.resolve(PERIOD).resolve(CONSOLIDATION)
                .resolve("bao-cao-" + CONSOLIDATION + "-" + PERIOD + "-r1" + CsvTables.BY_FIELD));
        for (String field : FIELD_CODES) {
            long[] sum = sumOfCentres.get(field).clone();
            add(sum, unlisted.get(field));
            add(sum, none.get(field));
            assertThat(consolidation.get(field)).as("consolidation " + field).containsExactly(sum)
                    .containsExactly(handCount(dossiers, null).get(field));
        }
        long[] all = total(handCount(dossiers, null));
        assertThat(consolidation.get("TOTAL")).containsExactly(all);

        // The table by centre: every listed centre in the file's order with its numbers, then the unlisted centre by
        // its normalised name, the undetermined row, the total.
        List<CSVRecord> byCentre = records(out.resolve(PERIOD).resolve(CONSOLIDATION)
                .resolve("bao-cao-" + CONSOLIDATION + "-" + PERIOD + "-r1" + CsvTables.BY_CENTRE));
        assertThat(byCentre).hasSize(38 + 2 + 1);
        for (int i = 1; i <= 38; i++) {
            CSVRecord row = byCentre.get(i - 1);
            assertThat(List.of(row.get("no"), row.get("centre"), row.get("name"), row.get("level")))
                    .containsExactly(String.valueOf(i), code(i), name(i), level(i));
            assertThat(numbers(row)).as(code(i)).containsExactly(total(handCount(dossiers, i)));
        }
        CSVRecord unlistedRow = byCentre.get(38);
        assertThat(List.of(unlistedRow.get("centre"), unlistedRow.get("name"), unlistedRow.get("level")))
                .containsExactly("", UNLISTED, "unlisted");
        assertThat(numbers(unlistedRow)).containsExactly(total(unlisted));
        CSVRecord undetermined = byCentre.get(39);
        assertThat(List.of(undetermined.get("centre"), undetermined.get("name"), undetermined.get("level")))
                .containsExactly("", CentreRow.UNDETERMINED_NAME, "undetermined");
        assertThat(numbers(undetermined)).containsExactly(total(none));
        CSVRecord totalRow = byCentre.get(40);
        assertThat(totalRow.get("centre")).isEqualTo("TOTAL");
        assertThat(numbers(totalRow)).containsExactly(all);
    }

    private static long ms(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    /** A by-field CSV's figures, by field code (and TOTAL). */
    private static Map<String, long[]> byField(Path csv) throws IOException {
        Map<String, long[]> rows = new TreeMap<>();
        for (CSVRecord r : records(csv)) {
            rows.put(r.get("field"), numbers(r));
        }
        return rows;
    }

    private static long[] numbers(CSVRecord r) {
        return TableColumn.IN_TABLE.stream().mapToLong(c -> Long.parseLong(r.get(c.header()))).toArray();
    }

    private static List<CSVRecord> records(Path csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(csv, StandardCharsets.UTF_8).replace("\uFEFF", "")))
                .getRecords();
    }
}
