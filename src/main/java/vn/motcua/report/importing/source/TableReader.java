package vn.motcua.report.importing.source;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the dossier rows of an import file as offices lay them out, whatever its format ({@link ImportFile}):
 * <ul>
 * <li>the sheet: the one named, else the first whose rows have the heading (a workbook may open with a summary);</li>
 * <li>the heading: after a title block, one row or two (a group row over the columns' own names,
 * {@link HeadingRow#find}); data may start in any column;</li>
 * <li>rows that are not dossiers are skipped and reported: blank separator rows, a row of column numbers
 * ("(1) (2) (3)") under the heading, group rows ("LĨNH VỰC ĐẤT ĐAI (19 hồ sơ)", whose field the rows below take
 * when they name none), and footer rows (totals, the signature block, a date line, a signer's name);</li>
 * <li>text normalised: NFC (Vietnamese typed decomposed looks the same but compares different), non-breaking
 * spaces as spaces. Merged cells were filled by the sources.</li>
 * </ul>
 * Line numbers are those the clerk sees (an editor's line, a sheet's row number).
 */
public class TableReader implements AutoCloseable {

    /** Columns read at most: a merged range or a repeated cell may claim the whole sheet's width. */
    static final int MAX_COLUMNS = 1000;

    /** Totals, the signature block, a date line: rows under the data, by their first words. */
    private static final Pattern FOOTER = Pattern.compile("(?iu)^(tổng cộng|tổng số|tổng|cộng|người lập|người ký"
            + "|thủ trưởng|giám đốc|phó giám đốc|kt\\.|tm\\.|q\\.|ký tên|\\(ký|xác nhận|nơi nhận|ghi chú"
            + "|.*ngày\\s+\\d{1,2}\\s+tháng\\s+\\d{1,2}\\s+năm\\s+\\d{4}).*");

    /** Digits and the separators of dates and times only, and a 12-hour time's AM or PM. */
    private static final Pattern DATE_LIKE = Pattern.compile("(?=.*\\d)[\\d\\s/.:\\-T+Z]+(?:[AaPp][Mm])?");

    /** A cell of the row of column numbers under a heading: "1", "(2)", "[3]". */
    private static final Pattern NUMBERING = Pattern.compile("[(\\[]?\\d{1,2}[)\\]]?");

    private final Path file;
    private final String sheetName;
    private final TableShape kind;
    private final String groupColumn;

    private TableSource source;
    private HeadingRow headings;
    private int[] dateColumns;
    private final Row.Columns columns = new Row.Columns();
    /** The slot in a row's values of each cell of the heading, -1 for a cell no column uses. */
    private int[] slots;
    private int groupSlot = -1;
    private String group;
    private boolean dataSeen;
    /** The last line of the last row that was not blank: blank rows count once a row follows them. */
    private long lastEnd;
    private long rowsRead;
    private ImportLayout layout;

    /**
     * Opens the file and finds its heading; {@link #close} it.
     *
     * @param sheetName the sheet to read, or null to look for the dossier list
     * @throws ImportException when the file, or none of its sheets, holds such a table
     */
    public TableReader(Path file, String sheetName, TableShape kind) {
        this.file = file;
        this.sheetName = sheetName;
        this.kind = kind;
        this.groupColumn = kind.groupColumn();
        open();
    }

    private void open() {
        ImportFile type = ImportFile.of(file);
        List<String> sheets = type.sheets(file);
        List<String> tried;
        if (sheetName != null) {
            if (!sheets.contains(sheetName)) {
                throw new ImportException("import.no-such-sheet", file.toString(), sheetName, String.join(", ", sheets));
            }
            tried = List.of(sheetName);
        } else {
            tried = sheets;
        }
        ImportException first = null;
        String taken = null;
        for (String sheet : tried) {
            TableSource candidate = type.open(file, sheet);
            try {
                headings = HeadingRow.find(() -> candidate(candidate), kind, new ImportException(
                        sheet == null ? "import.empty-csv" : "import.empty-sheet", candidate.where(),
                        String.join(",", kind.columns())));
                source = candidate;
                taken = sheet;
                break;
            } catch (ImportException e) {
                candidate.close();
                if (e.key().startsWith("import.limit.")) {
                    throw e;   // the file itself is refused, whichever sheet holds the list
                }
                if (first == null) {
                    first = e;
                }
            }
        }
        if (source == null) {
            if (tried.size() > 1) {
                throw new ImportException(first, "import.no-sheet-with-headings", file.toString(), kind.name(),
                        String.join(", ", sheets));
            }
            throw first;
        }
        List<Integer> dates = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            if (headings.column(i) != null && kind.dateColumns().contains(headings.column(i))) {
                dates.add(i);
            }
        }
        dateColumns = dates.stream().mapToInt(Integer::intValue).toArray();
        slots = new int[Math.min(headings.size(), MAX_COLUMNS)];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = headings.column(i) == null ? -1 : columns.slot(headings.column(i));
        }
        if (groupColumn != null) {
            groupSlot = columns.slot(groupColumn);
        }
        List<String> others = new ArrayList<>(sheets);
        others.remove(taken);
        others.remove(null);
        lastEnd = headings.lastLine();
        layout = new ImportLayout(taken, List.copyOf(others), headings.firstLine(), headings.lastLine(),
                source.rowWord(), ImportLayout.noneSkipped());
    }

    private HeadingRow.Candidate candidate(TableSource from) {
        SheetRow row = next(from);
        return row == null ? null
                : new HeadingRow.Candidate(normalised(row.cells()), from.where() + " " + from.rowWord() + " " + row.line(),
                        row.line());
    }

    /**
     * The source's next row, refused when a value or the row is longer than {@link ImportLimits} allow: a CSV source
     * stops at the limit while reading; a workbook's row is measured here, before its text is copied.
     */
    private SheetRow next(TableSource from) {
        try {
            SheetRow row = from.next();
            if (row != null) {
                long length = 0;
                List<String> cells = row.cells();
                for (int i = 0; i < cells.size(); i++) {
                    int chars = cells.get(i) == null ? 0 : cells.get(i).length();
                    if (chars > ImportLimits.VALUE_CHARS) {
                        throw new ImportLimits.Exceeded(ImportLimits.Exceeded.What.VALUE, row.line(), i);
                    }
                    length += chars;
                }
                if (length > ImportLimits.ROW_CHARS) {
                    throw new ImportLimits.Exceeded(ImportLimits.Exceeded.What.ROW, row.line(), -1);
                }
            }
            return row;
        } catch (ImportLimits.Exceeded e) {
            throw refusal(e, from);
        }
    }

    /** The refusal of a value, row or line over its limit, naming the column as the file heads it when it can. */
    private ImportException refusal(ImportLimits.Exceeded e, TableSource from) {
        int rowWord = "line".equals(from.rowWord()) ? 0 : 1;
        return switch (e.what()) {
            case VALUE -> new ImportException(e, "import.limit.value", from.where(), rowWord, e.line(),
                    columnName(e.column(), from), ImportLimits.mb(ImportLimits.VALUE_CHARS), from.countsValues() ? 1 : 0);
            case ROW -> new ImportException(e, "import.limit.row", from.where(), rowWord, e.line(),
                    ImportLimits.mb(ImportLimits.ROW_CHARS));
            case LINE -> new ImportException(e, "import.limit.line", from.where(), e.line(),
                    ImportLimits.mb(ImportLimits.ROW_CHARS));
            case VALUES -> new ImportException(e, "import.limit.values", from.where(), e.line(), ImportLimits.ROW_VALUES);
        };
    }

    /** A column by its heading when the heading is known, else by its number (CSV) or letter (a sheet). */
    private String columnName(int index, TableSource from) {
        String name = headings == null ? "" : headings.name(index);
        if (!name.isBlank()) {
            return name;
        }
        if (from.countsValues()) {
            return String.valueOf(index + 1);
        }
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    /** The next dossier row, or null at the end of the table. */
    public Row read() {
        SheetRow raw;
        while ((raw = next(source)) != null) {
            SheetRow row = new SheetRow(raw.line(), normalised(raw.cells()), raw.end());
            if (row.blank()) {
                continue;
            }
            for (long blank = lastEnd + 1; lastEnd >= 0 && blank < row.line(); blank++) {
                layout.skipped().get(ImportLayout.Skip.BLANK).add(blank);
            }
            lastEnd = row.end();
            ImportLayout.Skip skip = skip(row);
            if (skip != null) {
                layout.skipped().get(skip).add(row.line());
                continue;
            }
            dataSeen = true;
            String[] values = new String[columns.size()];
            List<String> cells = row.cells();
            for (int i = 0; i < cells.size() && i < slots.length; i++) {
                if (slots[i] >= 0) {
                    values[slots[i]] = cells.get(i);
                }
            }
            if (group != null && groupSlot >= 0 && (values[groupSlot] == null || values[groupSlot].isBlank())) {
                values[groupSlot] = group;
            }
            int valueCount = source.countsValues() && cells.size() != headings.size() ? cells.size() : -1;
            rowsRead++;
            return new Row(row.line(), columns, values, headings.written(), valueCount, headings.size(),
                    source.countsValues());
        }
        return null;
    }

    /** Why a row is not a dossier, or null when it is one. */
    private ImportLayout.Skip skip(SheetRow row) {
        // Distinct values, counted up to three without a set: a dossier row has many, the others one or two.
        String first = null;
        String second = null;
        int distinct = 0;
        boolean numbering = !dataSeen;
        int filled = 0;
        for (String c : row.cells()) {
            if (c.isBlank()) {
                continue;
            }
            filled++;
            numbering = numbering && NUMBERING.matcher(c.strip()).matches();
            String v = c.strip();
            if (first == null) {
                first = v;
                distinct = 1;
            } else if (distinct < 3 && !v.equals(first) && !v.equals(second)) {
                if (second == null) {
                    second = v;
                }
                distinct++;
            }
        }
        if (numbering && filled >= 3) {
            return ImportLayout.Skip.NUMBERING;
        }
        if (distinct == 1) {
            String value = kind.groupValue(first);
            if (value != null) {
                group = value;
                return ImportLayout.Skip.GROUP;
            }
        }
        if (distinct <= 2 && !hasDate(row)) {
            // A name under the signature, a lone note: no dossier is only one or two words without a date.
            return ImportLayout.Skip.FOOTER;
        }
        if (filled <= 6 && FOOTER.matcher(first).matches()) {
            // Totals (with their counts), the signature block and its date line, which may lie over date columns.
            return ImportLayout.Skip.FOOTER;
        }
        return null;
    }

    /** Whether a date column holds something written like a date (03/02/2021, 44232, 2021-02-03T08:00): a dossier. */
    private boolean hasDate(SheetRow row) {
        for (int c : dateColumns) {
            String v = row.cell(c).strip();
            if (DATE_LIKE.matcher(v).matches()) {
                return true;
            }
        }
        return false;
    }

    /** NFC, non-breaking spaces as spaces. */
    static List<String> normalised(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String c : cells) {
            out.add(normalised(c));
        }
        return out;
    }

    static String normalised(String text) {
        if (text == null) {
            return "";
        }
        String t = text.indexOf('\u00A0') >= 0 || text.indexOf('\u202F') >= 0 || text.indexOf('\u2007') >= 0
                ? text.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2007', ' ') : text;
        return Normalizer.isNormalized(t, Normalizer.Form.NFC) ? t : Normalizer.normalize(t, Normalizer.Form.NFC);
    }

    /** The dossier rows read so far. */
    public long rowsRead() {
        return rowsRead;
    }

    /** The share of the file read so far, 0..1, or a negative number when the format cannot tell. */
    public double fraction() {
        return source.fraction();
    }

    /** How the file was read so far: the sheet, the heading's rows, the rows skipped. */
    public ImportLayout layout() {
        return layout;
    }

    /** How the file heads each column it uses (canonical column → heading), to name them in messages. */
    public java.util.Map<String, String> writtenHeadings() {
        return headings.written();
    }

    /** The headings of the columns the import does not use, to tell the operator (a misspelt one shows up here). */
    public List<String> ignoredHeadings() {
        return headings.ignored();
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
        }
    }
}
