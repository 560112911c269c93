package vn.motcua.report.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.report.importing.ImportTestSupport.HEADINGS;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.report.DatabaseTest;

/**
 * Files made to run the import out of memory: a value of 200 MB, a CSV without line ends, a small .xlsx or .ods whose
 * cell unpacks to gigabytes, a zip bomb. Each is written here as a stream (never held in memory), refused in one
 * sentence naming where and the limit, and nothing of it is stored. And an import whose process died is never left
 * STARTED.
 */
class BoundedInputTest extends DatabaseTest {

    private static final long MB = 1 << 20;

    @Autowired
    DataSource dataSource;

    @Autowired
    InterruptedImports interruptedImports;

    /** Writes {@code head}, then {@code count} times the ASCII {@code filler}, then {@code tail}, as UTF-8, a megabyte at a time. */
    private static void write(OutputStream out, String head, char filler, long count, String tail) throws IOException {
        out.write(head.getBytes(StandardCharsets.UTF_8));
        byte[] block = new byte[(int) MB];
        java.util.Arrays.fill(block, (byte) filler);
        for (long left = count; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
        out.write(tail.getBytes(StandardCharsets.UTF_8));
    }

    private Path csv(String name, String head, char filler, long chars, String tail) throws IOException {
        Path f = tmp.resolve(name);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
            write(out, head, filler, chars, tail);
        }
        return f;
    }

    private void assertNothingStored(Run run) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err().strip().lines().count()).as(run.err()).isOne();
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("java.");
        assertThat(count("dossier")).isZero();
        assertThat(jdbc.queryForList("SELECT status FROM import_batch", String.class)).containsOnly("REFUSED");
    }

    @Test
    void aCsvValueOf200Mb_isRefusedAtItsLineAndColumn() throws Exception {
        Path f = csv("big-value.csv", HEADINGS + "\nA1,dat-dai,P,direct,03/02/2021,,,,,,\nA2,dat-dai,", 'x', 200 * MB,
                ",direct,03/02/2021,,,,,,\n");
        assertThat(Files.size(f)).isGreaterThan(200 * MB);
        Run run = cli("import", "dossiers", f.toString());
        assertNothingStored(run);
        assertThat(run.err()).contains(f + " line 3, column procedure: the value is longer than 1 MB, too long for a cell"
                + " of a dossier list (perhaps a quote \" opens a value and never closes it). Nothing was stored");

        Run vi = cliIn(java.util.Locale.forLanguageTag("vi"), "import", "dossiers", f.toString());
        assertThat(vi.err()).contains("dòng 3, cột procedure: giá trị dài hơn 1 MB");
    }

    @Test
    void aQuoteNeverClosed_makesOneLongValue_refusedWhereItOpens() throws Exception {
        StringBuilder head = new StringBuilder("Mã hồ sơ;Lĩnh vực;Thủ tục;Hình thức nộp;Ngày tiếp nhận;Ngày hẹn trả;"
                + "Ngày có kết quả;Kết quả\n");
        head.append("A1;Đất đai;\"Cấp giấy;Trực tiếp;03/02/2021;;;\n");
        Path f = tmp.resolve("quote.csv");
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write(head.toString());
            for (int i = 2; i < 200_000; i++) {
                w.write("A" + i + ";Đất đai;Cấp giấy;Trực tiếp;03/02/2021;;;\n");
            }
        }
        Run run = cli("import", "dossiers", f.toString());
        assertNothingStored(run);
        assertThat(run.err()).contains(f + " line 2, column Thủ tục: the value is longer than 1 MB")
                .contains("perhaps a quote \" opens a value and never closes it");
    }

    @Test
    void aCsvWithoutLineEnds_isRefusedAtItsFirstLine() throws Exception {
        // An export whose line ends were lost: every row runs on in one line.
        Path f = tmp.resolve("one-line.csv");
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write(HEADINGS);
            for (int i = 0; i < 2_000_000; i++) {
                w.write(",A" + i + ",dat-dai,P,direct,03/02/2021,,,,,,");
            }
        }
        Run run = cli("import", "dossiers", f.toString());
        assertNothingStored(run);
        assertThat(run.err()).contains(f + " line 1: the line has more than 16384 values: this is not a dossier list");

        // Without separators either: one value of 100 MB.
        Path text = csv("text.csv", "", 'x', 100 * MB, "");
        Run value = cli("import", "dossiers", text.toString());
        assertThat(value.exitCode()).isEqualTo(2);
        assertThat(value.err()).contains(text + " line 1, column 1: the value is longer than 1 MB");

        // Values under a megabyte each, but a line of more than 4 MB.
        Path wide = tmp.resolve("wide.csv");
        try (Writer w = Files.newBufferedWriter(wide, StandardCharsets.UTF_8)) {
            w.write(HEADINGS + "\n");
            for (int i = 0; i < 5_000; i++) {
                w.write("y".repeat(1000) + ",");
            }
            w.write("\n");
        }
        Run line = cli("import", "dossiers", wide.toString());
        assertThat(line.exitCode()).isEqualTo(2);
        assertThat(line.err()).contains(wide + " line 2: the line runs on for more than 4 MB");
        assertThat(count("dossier")).isZero();
    }

    /** The parts of a one-sheet .xlsx, its sheet written by {@code sheet} as a stream. */
    private interface Part {
        void write(OutputStream out) throws IOException;
    }

    private Path xlsx(String name, Part sheet, Part sharedStrings) throws IOException {
        return xlsx(name, sheet, sharedStrings, "xl/sharedStrings.xml");
    }

    /** @param stringsPart where the shared strings are, as [Content_Types].xml names them (all a reader goes by) */
    private Path xlsx(String name, Part sheet, Part sharedStrings, String stringsPart) throws IOException {
        Path f = tmp.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            entry(zip, "[Content_Types].xml", text("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    <Override PartName="/%s" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                    </Types>""".formatted(stringsPart)));
            entry(zip, "_rels/.rels", text("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>"""));
            entry(zip, "xl/workbook.xml", text("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
                     xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
            entry(zip, "xl/_rels/workbook.xml.rels", text("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
                    </Relationships>"""));
            entry(zip, stringsPart, sharedStrings);
            entry(zip, "xl/worksheets/sheet1.xml", sheet);
        }
        return f;
    }

    private static void entry(ZipOutputStream zip, String name, Part part) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        part.write(zip);
        zip.closeEntry();
    }

    private static Part text(String text) {
        return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String SHEET_START = """
            <?xml version="1.0" encoding="UTF-8"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>Mã hồ sơ</t></is></c><c r="B1" t="inlineStr"><is><t>Lĩnh vực</t></is></c>\
            <c r="C1" t="inlineStr"><is><t>Thủ tục</t></is></c><c r="D1" t="inlineStr"><is><t>Hình thức nộp</t></is></c>\
            <c r="E1" t="inlineStr"><is><t>Ngày tiếp nhận</t></is></c><c r="F1" t="inlineStr"><is><t>Ngày hẹn trả</t></is></c>\
            <c r="G1" t="inlineStr"><is><t>Ngày có kết quả</t></is></c><c r="H1" t="inlineStr"><is><t>Kết quả</t></is></c></row>
            """;

    private static final String NO_STRINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>""";

    @Test
    void anXlsxOfTwoMb_whoseCellUnpacksTo2GiB_isRefusedNamingTheCell() throws Exception {
        Path f = xlsx("bomb.xlsx", w -> write(w, SHEET_START + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>A2</t></is></c>"
                        + "<c r=\"C2\" t=\"inlineStr\"><is><t>", 'x', 2048 * MB, "</t></is></c></row></sheetData></worksheet>"),
                text(NO_STRINGS));
        assertThat(Files.size(f)).isLessThan(4 * MB);
        Run run = cli("import", "dossiers", f.toString());
        assertNothingStored(run);
        assertThat(run.err()).contains(f + " sheet \"Danh sách\", cell C2: the value is longer than 1 MB, too long for a"
                + " cell of a dossier list. Nothing was stored");
    }

    @Test
    void aSharedStringTooLong_isRefusedNamingTheCellThatUsesIt() throws Exception {
        Path f = xlsx("strings.xlsx", text(SHEET_START + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c>"
                        + "<c r=\"D2\" t=\"s\"><v>1</v></c></row></sheetData></worksheet>"),
                w -> write(w, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>A2</t></si><si><r><t>""",
                        'x', 3 * MB, "</t></r></si></sst>"));
        Run run = cli("import", "dossiers", f.toString());
        assertNothingStored(run);
        assertThat(run.err()).contains(f + " sheet \"Danh sách\", cell D2: the value is longer than 1 MB");
    }

    @Test
    void sharedStringsWhereverTheContentTypesPutThem_areChecked() throws Exception {
        Path f = xlsx("elsewhere.xlsx", text(SHEET_START + "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c></row>"
                        + "</sheetData></worksheet>"),
                out -> write(out, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>""", 'x', 3 * MB,
                        "</t></si></sst>"), "xl/strings/Chuoi.bin");
        Run run = cli("import", "dossiers", f.toString());
        assertNothingStored(run);
        assertThat(run.err()).contains(f + " sheet \"Danh sách\", cell B2: the value is longer than 1 MB");
    }

    @Test
    void aSheetOfRepeatedRows_thatPacksAThousandToOne_isRefusedAsAZipBomb() throws Exception {
        String row = "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>\n";
        Path f = xlsx("rows.xlsx", out -> {
            out.write(SHEET_START.getBytes(StandardCharsets.UTF_8));
            byte[] bytes = row.getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < 64 * MB; written += bytes.length) {
                out.write(bytes);
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        }, text(NO_STRINGS));
        Run run = cli("import", "dossiers", f.toString());
        assertNothingStored(run);
        assertThat(run.err()).contains(f + ": its part xl/worksheets/sheet1.xml unpacks to more than 100 times its packed"
                + " size, which a real dossier list never does");
    }

    @Test
    void anOdsWhoseCellUnpacksTo2GiB_isRefusedNamingTheCell() throws Exception {
        Path f = tmp.resolve("bomb.ods");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
            byte[] mimetype = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
            ZipEntry stored = new ZipEntry("mimetype");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            stored.setCrc(crc.getValue());
            zip.putNextEntry(stored);
            zip.write(mimetype);
            zip.closeEntry();
            zip.setLevel(Deflater.BEST_COMPRESSION);
            String cell = "<table:table-cell office:value-type=\"string\"><text:p>%s</text:p></table:table-cell>";
            StringBuilder heading = new StringBuilder("<table:table-row>");
            for (String h : new String[] {"Mã hồ sơ", "Lĩnh vực", "Thủ tục", "Hình thức nộp", "Ngày tiếp nhận",
                    "Ngày hẹn trả", "Ngày có kết quả", "Kết quả"}) {
                heading.append(cell.formatted(h));
            }
            heading.append("</table:table-row>");
            entry(zip, "content.xml", w -> write(w, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                     xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
                     xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                    <office:body><office:spreadsheet><table:table table:name="Danh sách">
                    <table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>"""
                    + heading + "<table:table-row>" + cell.formatted("A2")
                    + "<table:table-cell table:number-columns-repeated=\"2\"/><table:table-cell><text:p>", 'x', 2048 * MB,
                    "</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>"
                            + "</office:document-content>"));
        }
        assertThat(Files.size(f)).isLessThan(4 * MB);
        Run run = cli("import", "dossiers", f.toString());
        assertNothingStored(run);
        assertThat(run.err()).contains(f + " sheet \"Danh sách\", cell D4: the value is longer than 1 MB");
    }

    @Test
    void anImportLeftStartedByADeadProcess_isMarkedInterrupted_butOneStillRunningIsNot() throws Exception {
        long dead = started();
        long alive = started();
        Path good = file("good.csv", HEADINGS + "\nG1,dat-dai,P,direct,13/02/2021,,,,,,\n");
        try (Connection otherProcess = dataSource.getConnection(); Statement s = otherProcess.createStatement()) {
            // A live import holds its lock for as long as its process lives.
            s.execute("SELECT pg_advisory_lock(hashtextextended('motcua-report import ' || " + alive + ", 0))");
            Run run = cli("import", "dossiers", good.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(status(dead)).isEqualTo("INTERRUPTED");
            assertThat(status(alive)).isEqualTo("STARTED");

            interruptedImports.markAtStart();
            assertThat(status(alive)).isEqualTo("STARTED");
            // Its process ends: the lock goes with its session.
            s.execute("SELECT pg_advisory_unlock_all()");
        }
        // The next command, whichever it is, marks it when it starts.
        interruptedImports.markAtStart();
        assertThat(status(alive)).isEqualTo("INTERRUPTED");
        assertThat(jdbc.queryForList("SELECT status FROM import_batch WHERE id NOT IN (?, ?)", String.class, dead, alive))
                .containsExactly("STORED");
        assertThat(jdbc.queryForList("SELECT code FROM dossier", String.class)).containsExactly("G1");
    }

    private long started() {
        return jdbc.queryForObject("INSERT INTO import_batch (kind, file_name, sha256) VALUES ('dossiers', 'x.csv', 'x')"
                + " RETURNING id", Long.class);
    }

    private String status(long importId) {
        return jdbc.queryForObject("SELECT status FROM import_batch WHERE id = ?", String.class, importId);
    }
}
