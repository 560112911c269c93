package vn.motcua.report.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.motcua.report.importing.ImportTestSupport.rejects;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import vn.motcua.report.DatabaseTest;

/**
 * CSV exports as Vietnamese PCs write them (Windows-1258, UTF-16 "Unicode text", non-breaking spaces, values
 * shifted by a stray separator), dates in either order, and the status column with its refusals.
 */
class ExportTextsTest extends DatabaseTest {

    private static final String VI_HEADINGS = "Mã hồ sơ,Lĩnh vực,Tên thủ tục,Hình thức nộp,Ngày tiếp nhận,Ngày hẹn trả,"
            + "Ngày có kết quả,Trạng thái,Ngày tạm dừng";

    private String stored() {
        return String.join("\n", jdbc.queryForList("""
                SELECT code || ' ' || field_code || ' ' || received_on || ' ' || coalesce(due_on::text, '-') || ' '
                       || coalesce(finished_on::text, '-') || ' ' || coalesce(outcome, '-') || ' ' || procedure
                  FROM dossier ORDER BY code""", String.class));
    }

    /** What Excel's plain "CSV" writes on a Vietnamese PC: Windows-1258, tone marks as combining characters. */
    private static byte[] windows1258(String text) throws Exception {
        StringBuilder decomposed = new StringBuilder();
        for (char c : Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray()) {
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            StringBuilder base = new StringBuilder();
            StringBuilder tones = new StringBuilder();
            for (char x : d.toCharArray()) {
                if ("\u0300\u0301\u0303\u0309\u0323".indexOf(x) >= 0) {
                    tones.append(x);
                } else {
                    base.append(x);
                }
            }
            decomposed.append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tones);
        }
        ByteBuffer bytes = Charset.forName("windows-1258").newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(CharBuffer.wrap(decomposed));
        byte[] out = new byte[bytes.remaining()];
        bytes.get(out);
        return out;
    }

    @Test
    void windows1258_andUtf16_areReadFromTheirBytes_andTextIsNfc() throws Exception {
        String csv = VI_HEADINGS + "\r\nW1,Hộ tịch,Đăng ký khai sinh,Trực tiếp,15/02/2021,20/02/2021,19/02/2021,Đã trả kết quả,\r\n";
        Path ansi = tmp.resolve("ansi.csv");
        Files.write(ansi, windows1258(csv));
        assertThat(new String(Files.readAllBytes(ansi), StandardCharsets.ISO_8859_1)).doesNotContain("Ä");   // not UTF-8
        Run run = cli("import", "dossiers", ansi.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(stored()).isEqualTo("W1 ho-tich 2021-02-15 2021-02-20 2021-02-19 resolved Đăng ký khai sinh");
        assertThat(jdbc.queryForObject("SELECT procedure FROM dossier", String.class))
                .isEqualTo(Normalizer.normalize("Đăng ký khai sinh", Normalizer.Form.NFC));

        // Excel's "Unicode text": UTF-16 little-endian with a byte order mark, tab separated.
        Path unicode = tmp.resolve("unicode.txt");
        Files.write(unicode, ("\uFEFF" + csv.replace(',', '\t').replace("W1", "U1")).getBytes(StandardCharsets.UTF_16LE));
        Run utf16 = cli("import", "dossiers", unicode.toString());
        assertThat(utf16.exitCode()).as(utf16.err()).isZero();
        assertThat(stored()).startsWith("U1 ho-tich 2021-02-15 2021-02-20 2021-02-19 resolved Đăng ký khai sinh");
    }

    @Test
    void nonBreakingSpaces_andASpaceBeforeAQuotedValue_readRight_aStrayCommaIsNamedFirst() throws Exception {
        String csv = VI_HEADINGS.replace("Ngày tiếp nhận", "Ngày\u00A0tiếp nhận") + "\n"
                + "S1,dat-dai, \"Cấp GCN, lần đầu\",Trực\u00A0tiếp,15/02/2021,,,Đang xử lý,\n"      // 2: read right
                + "S2,dat-dai,Cấp GCN, lần đầu,Trực tiếp,16/02/2021,,,Đang xử lý,\n"                // 3: 10 values
                + "S3,dat-dai,Cấp GCN,Trực tiếp,16/02/2021,,,,Đang xử lý,,\n";                      // 4: 11, empty last
        Path file = file("shift.csv", csv);
        Run run = cli("import", "dossiers", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        // One message per shifted row, before (and instead of) any message about its columns.
        assertThat(rejects(tmp.resolve("shift.rejects.csv"))).extracting(r -> r.get(0), r -> r.get(1), r -> r.get(4))
                .containsExactly(tuple("3", "(row)", "has 10 values but the heading has 9"),
                        tuple("4", "(row)", "has 11 values but the heading has 9"));
        Run partial = cli("import", "dossiers", file.toString(), "--accept-partial");
        assertThat(partial.exitCode()).as(partial.err()).isZero();
        assertThat(stored()).isEqualTo("S1 dat-dai 2021-02-15 - - - Cấp GCN, lần đầu");
    }

    @Test
    void monthFirstFile_isReadMonthFirst_withOrWithoutAcceptPartial() throws Exception {
        // Saved on an English-locale PC: 2/19/2021 can only be month first, so the whole column is, 2/3 included.
        String csv = VI_HEADINGS + "\n"
                + "M1,dat-dai,P,Trực tiếp,2/3/2021,2/19/2021,2/10/2021,Đã trả kết quả,\n"
                + "M2,dat-dai,P,Trực tiếp,2/19/2021,3/1/2021,,Đang xử lý,\n";
        for (String partial : new String[] {"--accept-partial", null}) {
            Run run = partial == null ? cli("import", "dossiers", file("us.csv", csv).toString())
                    : cli("import", "dossiers", file("us.csv", csv).toString(), partial);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(stored()).isEqualTo("M1 dat-dai 2021-02-03 2021-02-19 2021-02-10 resolved P\n"
                    + "M2 dat-dai 2021-02-19 2021-03-01 - - P");
        }
    }

    @Test
    void datesThatReadBothWays_refuseTheFileWhole_untilTheOrderIsGiven() throws Exception {
        String csv = VI_HEADINGS + "\n"
                + "A1,dat-dai,P,Trực tiếp,03/02/2021,10/02/2021,09/02/2021,Đã trả kết quả,\n"
                + "A2,dat-dai,P,Trực tiếp,31/02/2021,,,Đang xử lý,\n";
        Path file = file("ambiguous.csv", csv);
        for (String partial : new String[] {"--accept-partial", null}) {
            Run run = partial == null ? cli("import", "dossiers", file.toString())
                    : cli("import", "dossiers", file.toString(), partial);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("the dates of column \"Ngày tiếp nhận\" could be day first or month first")
                    .contains("03/02/2021 (2)").contains("--date-order dmy").doesNotContain("Exception");
            assertThat(count("dossier")).isZero();
        }
        Run mdy = cli("import", "dossiers", file.toString(), "--date-order", "mdy", "--accept-partial");
        assertThat(mdy.exitCode()).as(mdy.err()).isZero();
        assertThat(stored()).isEqualTo("A1 dat-dai 2021-03-02 2021-10-02 2021-09-02 resolved P");
        assertThat(rejects(tmp.resolve("ambiguous.rejects.csv"))).extracting(r -> r.get(0), r -> r.get(4))
                .containsExactly(tuple("3", "is not a real date month first (month/day/year, --date-order mdy)"));
        Run dmy = cli("import", "dossiers", file("fixed.csv", csv.replace("31/02", "28/02")).toString(), "--date-order", "dmy");
        assertThat(dmy.exitCode()).as(dmy.err()).isZero();
        assertThat(stored()).isEqualTo("A1 dat-dai 2021-02-03 2021-02-10 2021-02-09 resolved P\n"
                + "A2 dat-dai 2021-02-28 - - - P");
        Run unknown = cli("import", "dossiers", file.toString(), "--date-order", "ymd");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--date-order 'ymd' is not known: write dmy");
    }

    @Test
    void aColumnWithDatesOfBothOrders_isRefused_namingOneOfEach() throws Exception {
        Path file = file("mixed.csv", VI_HEADINGS + "\n"
                + "X1,dat-dai,P,Trực tiếp,13/02/2021,,,Đang xử lý,\n"
                + "X2,dat-dai,P,Trực tiếp,2/19/2021,,,Đang xử lý,\n");
        Run run = cli("import", "dossiers", file.toString(), "--accept-partial");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("column \"Ngày tiếp nhận\" has dates that can only be day first (13/02/2021 (2))")
                .contains("(2/19/2021 (3);");
        assertThat(count("dossier")).isZero();
    }

    @Test
    void excelSerialNumbers_inADateColumn_areDates() throws Exception {
        Run run = cli("import", "dossiers", file("serial.csv", VI_HEADINGS + "\n"
                + "N1,dat-dai,P,Trực tiếp,44232,44239.5,44238,Hoàn thành,\n").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(stored()).isEqualTo("N1 dat-dai 2021-02-05 2021-02-12 2021-02-11 resolved P");
    }

    @Test
    void statuses_sayWhatKindOfFinish_andDisagreeingOrIncompleteRowsAreRefused() throws Exception {
        String csv = VI_HEADINGS + ",Kết quả\n"
                + "T1,dat-dai,P,Trực tiếp,15/02/2021,20/02/2021,19/02/2021,Công dân rút hồ sơ,,\n"   // 2 withdrawn
                + "T2,dat-dai,P,Trực tiếp,15/02/2021,20/02/2021,18/02/2021,Từ chối giải quyết,,\n"   // 3 returned
                + "T3,dat-dai,P,Trực tiếp,15/02/2021,20/02/2021,,Trễ hạn,,\n"                        // 4 open
                + "T4,dat-dai,P,Trực tiếp,15/02/2021,20/02/2021,,Yêu cầu bổ sung,16/02/2021,\n"      // 5 paused
                + "T5,dat-dai,P,Trực tiếp,15/02/2021,,,Từ chối tiếp nhận,,\n"                          // 6 not counted
                + "T6,dat-dai,P,Trực tiếp,15/02/2021,20/02/2021,,Chờ bổ sung,,\n"                     // 7 no pause date
                + "T7,dat-dai,P,Trực tiếp,15/02/2021,20/02/2021,19/02/2021,Đã trả kết quả,,Rút hồ sơ\n" // 8 disagree
                + "T8,dat-dai,P,Trực tiếp,15/02/2021,20/02/2021,19/02/2021,Đang xử lý,,\n"            // 9 open, finished
                + "T9,dat-dai,P,Trực tiếp,15/02/2021,20/02/2021,,Đã giải quyết,,\n";                  // 10 no finish
        Path file = file("status.csv", csv);
        Run run = cli("import", "dossiers", file.toString(), "--accept-partial");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(rejects(tmp.resolve("status.rejects.csv"))).extracting(r -> r.get(0), r -> r.get(1), r -> r.get(4))
                .containsExactly(
                        tuple("7", "Trạng thái", "is a paused dossier's status but Ngày tạm dừng is empty: give the day"
                                + " the pause began"),
                        tuple("8", "Trạng thái", "disagrees with Kết quả 'Rút hồ sơ'"),
                        tuple("9", "Trạng thái", "is an open dossier's status but Ngày có kết quả is set"),
                        tuple("10", "Trạng thái", "is a finished dossier's status but Ngày có kết quả is empty"));
        assertThat(jdbc.queryForList("""
                SELECT code || ' ' || coalesce(outcome, '-') || ' ' || coalesce(paused_from::text, '-') || ' '
                       || coalesce(not_counted, 'counted') FROM dossier ORDER BY code""", String.class))
                .containsExactly("T1 withdrawn - counted", "T2 returned - counted", "T3 - - counted",
                        "T4 - 2021-02-16 counted", "T5 - - Từ chối tiếp nhận");
        assertThat(run.out()).contains("1 dossier stored but counted in no report").contains("T5 (Từ chối tiếp nhận, 6)");
    }

    @Test
    void aFieldThatDossiersUse_cannotLeaveTheCatalogue() throws Exception {
        assertThat(cli("import", "dossiers", file("one.csv", VI_HEADINGS + "\n"
                + "F1,Hộ tịch,P,Trực tiếp,15/02/2021,,,Đang xử lý,\n").toString()).exitCode()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("DELETE FROM field WHERE code = 'ho-tich'"))
                .hasMessageContaining("field ho-tich is used by dossiers");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("UPDATE field SET code = 'hotich' WHERE code = 'ho-tich'"))
                .hasMessageContaining("field ho-tich is used by dossiers");
        assertThat(jdbc.update("UPDATE field SET name = 'Hộ tịch' WHERE code = 'ho-tich'")).isOne();
    }
}
