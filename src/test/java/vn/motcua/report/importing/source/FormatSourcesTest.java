package vn.motcua.report.importing.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FormatSourcesTest {
    static final Path DIR = Path.of("src/test/resources/importing/source");

    static List<String> rows(TableSource s) {
        List<String> out = new ArrayList<>();
        for (SheetRow r; (r = s.next()) != null; ) {
            out.add(r.line() + "-" + r.end() + " " + r.cells());
        }
        return out;
    }

    @Test
    void show() throws Exception {
        try (TableSource s = new CsvSource(DIR.resolve("formats.csv"))) { System.out.println("CSV " + s.where() + rows(s)); }
        System.out.println(XlsxSource.sheets(DIR.resolve("formats.xlsx")));
        try (TableSource s = XlsxSource.open(DIR.resolve("formats.xlsx"), "Danh sách")) { System.out.println("XLSX " + s.where() + rows(s)); }
        try (TableSource s = XlsxSource.open(DIR.resolve("formats.xlsx"), "Ghi chú")) { System.out.println("XLSX2 " + rows(s)); }
        System.out.println(XlsSource.sheets(DIR.resolve("formats.xls")));
        try (TableSource s = XlsSource.open(DIR.resolve("formats.xls"), "Danh sách")) { System.out.println("XLS " + s.where() + rows(s)); }
        try (TableSource s = XlsSource.open(DIR.resolve("formats.xls"), "Ghi chú")) { System.out.println("XLS2 " + rows(s)); }
        System.out.println(OdsSource.sheets(DIR.resolve("formats.ods")));
        try (TableSource s = OdsSource.open(DIR.resolve("formats.ods"), "Danh sách")) { System.out.println("ODS " + s.where() + rows(s)); }
        try (TableSource s = OdsSource.open(DIR.resolve("formats.ods"), "Ghi chú")) { System.out.println("ODS2 " + rows(s)); }
    }
}
