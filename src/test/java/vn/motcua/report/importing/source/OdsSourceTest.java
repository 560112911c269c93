package vn.motcua.report.importing.source;

import java.nio.file.Path;
import java.util.List;

/** The .ods reader on the workbook LibreOffice saved in its own format ({@link LibreOfficeFiles}). */
class OdsSourceTest extends WorkbookSourceCases {

    @Override
    Path file() {
        return LibreOfficeFiles.file("ods");
    }

    @Override
    List<String> sheets(Path file) {
        return OdsSource.sheets(file);
    }

    @Override
    TableSource open(Path file, String sheet) {
        return OdsSource.open(file, sheet);
    }
}
