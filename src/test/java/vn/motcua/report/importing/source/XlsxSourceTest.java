package vn.motcua.report.importing.source;

import java.nio.file.Path;
import java.util.List;

/** The .xlsx reader on the workbook LibreOffice saved as Excel 2007-365 ({@link LibreOfficeFiles}). */
class XlsxSourceTest extends WorkbookSourceCases {

    @Override
    Path file() {
        return LibreOfficeFiles.file("xlsx");
    }

    @Override
    List<String> sheets(Path file) {
        return XlsxSource.sheets(file);
    }

    @Override
    TableSource open(Path file, String sheet) {
        return XlsxSource.open(file, sheet);
    }
}
