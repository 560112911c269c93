package vn.motcua.report.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spreadsheets made as offices make them: a flat OpenDocument file (.fods) written here, sheets, merged cells
 * and typed cells included, then converted by LibreOffice itself ({@code soffice --headless --convert-to}) to
 * .xlsx, .xls or .ods, many files in one call (LibreOffice takes seconds to start).
 */
public final class OfficeFiles {

    private OfficeFiles() {
    }

    /** Why LibreOffice cannot be used here, or null when it can. */
    public static String missing() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "soffice"))) {
                return null;
            }
        }
        return "soffice (Debian package libreoffice-calc) is not installed: the tests of files made by LibreOffice are skipped";
    }

    /**
     * Converts every file given to {@code format} (xlsx, xls, ods, or a format with its filter and options, as
     * {@link #UTF8_CSV}) in one LibreOffice call, into {@code out}; a
     * private LibreOffice profile, so that other LibreOffice processes on the machine do not interfere.
     */
    /** CSV as LibreOffice saves it when asked for UTF-8 (its default is the system's 8-bit code page). */
    static final String UTF8_CSV = "csv:Text - txt - csv (StarCalc):44,34,76";

    public static void convert(List<Path> files, String format, Path out) throws IOException, InterruptedException {
        convert(files, format, out, Map.of());
    }

    /**
     * As an office user opens a CSV export (UTF-8, comma separated, special numbers such as ISO dates detected)
     * and saves it as {@code format}: the files given are read with that CSV filter.
     */
    public static void convertCsv(List<Path> files, String format, Path out) throws IOException, InterruptedException {
        convert(files, format, out, Map.of(), "Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true");
    }

    /**
     * CSV as LibreOffice saves it with its "save cell content as shown" option (on by default in its dialog): dates in
     * the cells' own formats, as the locale writes them.
     */
    static final String CSV_AS_SHOWN = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true";

    /** As {@link #convert(List, String, Path)}, LibreOffice run with these environment variables (LC_ALL: its locale). */
    static void convert(List<Path> files, String format, Path out, Map<String, String> environment)
            throws IOException, InterruptedException {
        convert(files, format, out, environment, null);
    }

    private static void convert(List<Path> files, String format, Path out, Map<String, String> environment,
                                String inputFilter) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("motcua-soffice-profile");
        List<String> command = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--norestore"));
        if (inputFilter != null) {
            command.add("--infilter=" + inputFilter);
        }
        command.addAll(List.of("--convert-to", format, "--outdir", out.toString()));
        files.forEach(f -> command.add(f.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process p = builder.redirectErrorStream(true).redirectOutput(out.resolve("soffice-" + format.split(":")[0] + ".log")
                .toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("soffice did not finish converting to " + format);
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            Path converted = out.resolve(name.substring(0, name.lastIndexOf('.')) + "." + format.split(":")[0]);
            if (!Files.isRegularFile(converted)) {
                throw new IllegalStateException("soffice made no " + converted + ": " + Files.readString(
                        out.resolve("soffice-" + format.split(":")[0] + ".log")));
            }
        }
    }

    /**
     * A workbook written as flat OpenDocument. Rows are given as cells in order, skipping the positions that a
     * merged cell above or to the left covers (as an HTML table does). A cell's text may end with markers:
     * {@code «c3»} spans three columns, {@code «r2»} two rows; {@code «n»} makes it a number, {@code «d»} a date
     * cell (the text is then the ISO date, shown dd/mm/yyyy); {@code «s»} a date and {@code «t»} a date and time
     * (ISO, 2021-02-19T14:15:00) shown in the locale's short formats, as LibreOffice's defaults are (on an English
     * locale 02/19/21 and 02/19/21 02:15 PM).
     */
    static final class Book {
        private final Map<String, List<List<String>>> sheets = new LinkedHashMap<>();

        List<List<String>> sheet(String name) {
            return sheets.computeIfAbsent(name, n -> new ArrayList<>());
        }

        static void row(List<List<String>> sheet, String... cells) {
            sheet.add(List.of(cells));
        }

        void write(Path file) throws IOException {
            StringBuilder x = new StringBuilder("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                     xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
                     xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
                     xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
                     xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
                     office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
                    <office:automatic-styles>
                     <number:date-style style:name="N1"><number:day number:style="long"/><number:text>/</number:text>
                      <number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/>
                     </number:date-style>
                     <number:date-style style:name="N2" number:automatic-order="true"><number:month number:style="long"/>
                      <number:text>/</number:text><number:day number:style="long"/><number:text>/</number:text><number:year/>
                     </number:date-style>
                     <number:date-style style:name="N3" number:automatic-order="true"><number:month number:style="long"/>
                      <number:text>/</number:text><number:day number:style="long"/><number:text>/</number:text><number:year/>
                      <number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text>
                      <number:minutes number:style="long"/><number:text> </number:text><number:am-pm/>
                     </number:date-style>
                     <style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
                     <style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>
                     <style:style style:name="ce3" style:family="table-cell" style:data-style-name="N3"/>
                    </office:automatic-styles>
                    <office:body><office:spreadsheet>
                    """);
            Pattern marker = Pattern.compile("«([crndst])(\\d*)»");
            sheets.forEach((name, rows) -> {
                x.append("<table:table table:name=\"").append(escape(name)).append("\">\n");
                Set<String> covered = new HashSet<>();
                for (int r = 0; r < rows.size(); r++) {
                    x.append("<table:table-row>");
                    int c = 0;
                    for (String spec : rows.get(r)) {
                        while (covered.contains(r + ":" + c)) {
                            x.append("<table:covered-table-cell/>");
                            c++;
                        }
                        int columns = 1;
                        int down = 1;
                        String type = "string";
                        Matcher m = marker.matcher(spec);
                        while (m.find()) {
                            switch (m.group(1)) {
                                case "c" -> columns = Integer.parseInt(m.group(2));
                                case "r" -> down = Integer.parseInt(m.group(2));
                                case "n" -> type = "float";
                                case "s" -> type = "short-date";
                                case "t" -> type = "date-time";
                                default -> type = "date";
                            }
                        }
                        String text = marker.matcher(spec).replaceAll("");
                        x.append("<table:table-cell");
                        if (columns > 1 || down > 1) {
                            x.append(" table:number-columns-spanned=\"").append(columns)
                                    .append("\" table:number-rows-spanned=\"").append(down).append('"');
                        }
                        if (!text.isEmpty()) {
                            switch (type) {
                                case "float" -> x.append(" office:value-type=\"float\" office:value=\"").append(text).append('"');
                                case "date" -> x.append(" table:style-name=\"ce1\" office:value-type=\"date\" office:date-value=\"")
                                        .append(text).append('"');
                                case "short-date" -> x.append(" table:style-name=\"ce2\" office:value-type=\"date\""
                                        + " office:date-value=\"").append(text).append('"');
                                case "date-time" -> x.append(" table:style-name=\"ce3\" office:value-type=\"date\""
                                        + " office:date-value=\"").append(text).append('"');
                                default -> x.append(" office:value-type=\"string\"");
                            }
                            x.append("><text:p>").append(escape(text)).append("</text:p></table:table-cell>");
                        } else {
                            x.append("/>");
                        }
                        for (int dr = 0; dr < down; dr++) {
                            for (int dc = 0; dc < columns; dc++) {
                                if (dr > 0 || dc > 0) {
                                    covered.add((r + dr) + ":" + (c + dc));
                                }
                            }
                        }
                        c++;
                        for (int dc = 1; dc < columns; dc++) {
                            x.append("<table:covered-table-cell/>");
                            c++;
                        }
                    }
                    while (covered.contains(r + ":" + c)) {
                        x.append("<table:covered-table-cell/>");
                        c++;
                    }
                    x.append("</table:table-row>\n");
                }
                x.append("</table:table>\n");
            });
            x.append("</office:spreadsheet></office:body></office:document>\n");
            Files.writeString(file, x, StandardCharsets.UTF_8);
        }

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
