package vn.motcua.report.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.report.importing.ImportTestSupport.HEADINGS;
import static vn.motcua.report.importing.ImportTestSupport.dump;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import vn.motcua.report.DatabaseTest;

/**
 * Random bytes and random damage to good files (fixed seed, so a failure can be replayed): every import either
 * stores cleanly or is refused cleanly (exit 2, a sentence, the data exactly as before); never exit 1, a stack
 * trace, a half-stored file or staging rows left behind.
 */
class ImportFuzzTest extends DatabaseTest {

    private static final long SEED = 20210225L;
    private static final int CSV_ROUNDS = 300;
    private static final int XLSX_ROUNDS = 60;

    /** Characters that break CSVs and checks: separators, quotes, line ends, NUL, BOM, other scripts, digits. */
    private static final String NASTY = ",;\"\n\r\t\0\uFEFF/-:T Z+đĐàẫ漢😀0123456789";

    private static String goodCsv(Random random) {
        StringBuilder csv = new StringBuilder(HEADINGS).append('\n');
        String[] fields = {"dat-dai", "Hộ tịch", "chung-thuc", "Bảo trợ xã hội"};
        String[] channels = {"direct", "Trực tuyến", "Dịch vụ bưu chính"};
        for (int i = 0; i < 20; i++) {
            LocalDate received = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(60));
            boolean finished = random.nextBoolean();
            csv.append("Z").append(i).append(',')
                    .append(fields[random.nextInt(fields.length)]).append(",\"Thủ tục, ")
                    .append(i).append("\",").append(channels[random.nextInt(channels.length)]).append(',')
                    .append(received).append(',').append(received.plusDays(10)).append(',')
                    .append(finished ? received.plusDays(random.nextInt(15)).toString() : "").append(',')
                    .append(finished ? "Đã giải quyết" : "").append(",,,\n");
        }
        return csv.toString();
    }

    private static byte[] mutate(byte[] good, Random random) {
        StringBuilder s = new StringBuilder(new String(good, StandardCharsets.UTF_8));
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits && !s.isEmpty(); e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(6)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, NASTY.charAt(random.nextInt(NASTY.length())));
                case 2 -> s.setCharAt(at, NASTY.charAt(random.nextInt(NASTY.length())));
                case 3 -> s.setLength(at);
                case 4 -> {
                    int end = s.indexOf("\n", at);
                    if (end > 0) {
                        s.insert(0, s.substring(at, end + 1));
                    }
                }
                default -> {
                    byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                    return bytes;
                }
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void csv_randomBytesAndDamagedFiles_areStoredOrRefusedCleanly() throws Exception {
        Random random = new Random(SEED);
        int stored = 0;
        int refused = 0;
        for (int round = 0; round < CSV_ROUNDS; round++) {
            byte[] content;
            if (round % 4 == 0) {
                content = new byte[random.nextInt(3000)];
                random.nextBytes(content);
            } else {
                content = mutate(goodCsv(random).getBytes(StandardCharsets.UTF_8), random);
            }
            Path input = tmp.resolve("fuzz-" + round + ".csv");
            Files.write(input, content);
            if (importOnce(input, round)) {
                stored++;
            } else {
                refused++;
            }
        }
        // The seed gives both kinds of outcome, so both paths were exercised.
        assertThat(stored).isPositive();
        assertThat(refused).isPositive();
    }

    @Test
    void xlsx_damagedWorkbooks_areStoredOrRefusedCleanly() throws Exception {
        ByteArrayOutputStream book = new ByteArrayOutputStream();
        Workbook wb = new Workbook(book, "test", "1.0");
        Worksheet ws = wb.newWorksheet("Hồ sơ");
        String[] headings = HEADINGS.split(",");
        for (int c = 0; c < headings.length; c++) {
            ws.value(0, c, headings[c]);
        }
        for (int r = 1; r <= 30; r++) {
            ws.value(r, 0, "W" + r);
            ws.value(r, 1, "dat-dai");
            ws.value(r, 3, "Trực tiếp");
            ws.value(r, 4, LocalDate.of(2021, 2, 1).plusDays(r % 20));
            ws.style(r, 4).format("dd/mm/yyyy").set();
        }
        wb.finish();
        byte[] good = book.toByteArray();
        Random random = new Random(SEED);
        for (int round = 0; round < XLSX_ROUNDS; round++) {
            byte[] damaged = good.clone();
            int hits = 1 + random.nextInt(8);
            for (int h = 0; h < hits; h++) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            if (round % 5 == 0) {
                damaged = java.util.Arrays.copyOf(damaged, random.nextInt(damaged.length));
            }
            Path input = tmp.resolve("fuzz-" + round + ".xlsx");
            Files.write(input, damaged);
            importOnce(input, round);
        }
    }

    /** Imports one file and checks it was all or nothing; returns whether it was stored. */
    private boolean importOnce(Path input, int round) {
        String before = dump(jdbc);
        long dossiers = count("dossier");
        long batches = count("import_batch");
        Run run = cli("import", "dossiers", input.toString());
        String what = "round " + round + " (" + input.getFileName() + "): exit " + run.exitCode() + "\n" + run.err();
        assertThat(run.exitCode()).as(what).isIn(0, 2);
        assertThat(run.err()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(count("import_dossier") + count("import_refused_code")).as(what).isZero();
        Map<String, Object> batch = jdbc.queryForList("SELECT * FROM import_batch ORDER BY id DESC LIMIT 1").stream()
                .findFirst().orElse(Map.of());
        if (run.exitCode() == 2) {
            assertThat(dump(jdbc)).as(what).isEqualTo(before);
            // Refused before it began (not a table at all), or begun and recorded as refused.
            if (count("import_batch") > batches) {
                assertThat(batch.get("status")).as(what).isEqualTo("REFUSED");
            }
            return false;
        }
        assertThat(batch.get("status")).as(what).isEqualTo("STORED");
        assertThat(count("dossier")).as(what).isEqualTo(dossiers + ((Number) batch.get("added")).longValue());
        assertThat(((Number) batch.get("added")).intValue() + ((Number) batch.get("changed")).intValue()
                + ((Number) batch.get("unchanged")).intValue()).as(what)
                .isEqualTo(((Number) batch.get("rows_read")).intValue());
        return true;
    }
}
