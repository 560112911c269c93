package vn.motcua.report.importing.source;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.MergeCellsRecord;
import org.apache.poi.hssf.record.MulBlankRecord;
import org.apache.poi.hssf.record.MulRKRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.RKRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RecordFactoryInputStream;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * One sheet of an old Excel .xls (BIFF8) workbook, the default export of many government systems, streamed: its
 * records are read one at a time with Apache POI's record reader (the usermodel, HSSFWorkbook, builds an object for
 * every cell, a few hundred bytes each, and more from a record of blank cells). Only the workbook's shared strings are
 * held, and they are no bigger than the file, which may be at most {@link #MAX_BYTES}. The sheet's merged cells come
 * after its rows, so a first pass reads them. Cells read as in {@link XlsxSource}; a workbook protected with Excel's
 * default password is read as Excel opens it (POI decrypts it).
 */
final class XlsSource implements TableSource {

    /** The workbook's stream, at most: a BIFF8 sheet holds 65,536 rows, a full one of real exports some 60 MB. */
    static final long MAX_BYTES = 128L << 20;

    private final Path file;
    private final String sheetName;
    private final POIFSFileSystem fs;
    private final RecordFactoryInputStream records;
    private final FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(r -> { });
    private final MergedCells merged;
    private SSTRecord strings;
    /** The first cell record of the next row, read ahead; null at the sheet's end. */
    private Record ahead;
    private boolean ended;

    private XlsSource(Path file, String sheetName, int sheetIndex, List<MergedCells.Range> ranges) throws IOException {
        this.file = file;
        this.sheetName = sheetName;
        this.merged = new MergedCells(ranges);
        this.fs = new POIFSFileSystem(file.toFile(), true);
        try {
            this.records = records(fs, file);
            // The workbook's globals (its strings and number formats), then the sheet's substream.
            int depth = 0;
            int sheet = -1;
            Record r;
            while ((r = records.nextRecord()) != null) {
                if (r instanceof BOFRecord) {
                    if (depth++ == 0 && ((BOFRecord) r).getType() != BOFRecord.TYPE_WORKBOOK && ++sheet == sheetIndex) {
                        break;
                    }
                } else if (r instanceof EOFRecord) {
                    depth--;
                } else if (depth == 1 && sheet < 0) {
                    formats.processRecordInternally(r);
                    if (r instanceof SSTRecord sst) {
                        strings = sst;
                    }
                }
            }
            ended = r == null;
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
    }

    private static RecordFactoryInputStream records(POIFSFileSystem fs, Path file) throws IOException {
        // Its name's case varies with the program that wrote it ("Workbook", "WORKBOOK").
        DocumentEntry stream = (DocumentEntry) fs.getRoot().getEntryCaseInsensitive(
                HSSFWorkbook.getWorkbookDirEntryName(fs.getRoot()));
        if (stream.getSize() > MAX_BYTES) {
            throw new ImportException("import.limit.xls", file.toString(), ImportLimits.mb(MAX_BYTES));
        }
        InputStream in = fs.getRoot().createDocumentInputStream(stream);
        return new RecordFactoryInputStream(in, false);
    }

    /** The workbook's sheet names, in order. */
    static List<String> sheets(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            RecordFactoryInputStream records = records(fs, file);
            List<String> names = new ArrayList<>();
            Record r;
            while ((r = records.nextRecord()) != null && !(r instanceof EOFRecord)) {
                if (r instanceof BoundSheetRecord b) {
                    names.add(b.getSheetname());
                }
            }
            return names;
        } catch (ImportException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new ImportException(e, "import.xls-protected", file.toString());
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    static XlsSource open(Path file, String sheetName) {
        try {
            int index = sheets(file).indexOf(sheetName);
            return new XlsSource(file, sheetName, index, mergedCells(file, index));
        } catch (ImportException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new ImportException(e, "import.xls-protected", file.toString());
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    /** The merged ranges of the sheet at {@code index}: a pass over the workbook's records to its sheet's end. */
    private static List<MergedCells.Range> mergedCells(Path file, int index) throws IOException {
        List<MergedCells.Range> ranges = new ArrayList<>();
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            RecordFactoryInputStream records = records(fs, file);
            int depth = 0;
            int sheet = -1;
            Record r;
            while ((r = records.nextRecord()) != null) {
                if (r instanceof BOFRecord bof) {
                    if (depth++ == 0 && bof.getType() != BOFRecord.TYPE_WORKBOOK) {
                        sheet++;
                    }
                } else if (r instanceof EOFRecord) {
                    if (--depth == 0 && sheet == index) {
                        break;
                    }
                } else if (depth == 1 && sheet == index && r instanceof MergeCellsRecord m) {
                    for (int i = 0; i < m.getNumAreas(); i++) {
                        CellRangeAddress a = m.getAreaAt(i);
                        ranges.add(new MergedCells.Range(a.getFirstRow(), a.getLastRow(), a.getFirstColumn(),
                                Math.min(a.getLastColumn(), a.getFirstColumn() + TableReader.MAX_COLUMNS)));
                    }
                }
            }
        }
        return ranges;
    }

    private static ImportException unreadable(Path file, Exception e) {
        return new ImportException(e, "import.not-xls", file.toString());
    }

    @Override
    public SheetRow next() {
        try {
            Record first = take();
            if (first == null) {
                return null;
            }
            int row = rowOf(first);
            List<String> cells = new ArrayList<>();
            put(cells, first);
            Record r;
            while ((r = take()) != null) {
                if (rowOf(r) != row) {
                    ahead = r;
                    break;
                }
                put(cells, r);
            }
            merged.fill(row, cells);
            return new SheetRow(row + 1L, cells);
        } catch (ImportException | ImportLimits.Exceeded e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ImportException(e, "import.xls-unreadable", file.toString(), sheetName);
        }
    }

    /** The cell record read ahead, else the next one. */
    private Record take() {
        Record r = ahead != null ? ahead : nextCell();
        ahead = null;
        return r;
    }

    /** The sheet's next cell record (any kind, blank ones too: a merged cell may cover them), or null at its end. */
    private Record nextCell() {
        int depth = 1;   // inside the sheet's substream; a chart's substream may nest in it
        while (!ended) {
            Record r = records.nextRecord();
            if (r == null) {
                ended = true;
            } else if (r instanceof BOFRecord) {
                depth++;
            } else if (r instanceof EOFRecord) {
                if (--depth == 0) {
                    ended = true;
                }
            } else if (depth == 1 && (r instanceof CellValueRecordInterface || r instanceof MulRKRecord
                    || r instanceof MulBlankRecord)) {
                return r;
            }
        }
        return null;
    }

    private static int rowOf(Record r) {
        if (r instanceof MulRKRecord m) {
            return m.getRow();
        }
        if (r instanceof MulBlankRecord m) {
            return m.getRow();
        }
        return ((CellValueRecordInterface) r).getRow();
    }

    /** A cell record's text put in its column (a record of several cells: each). */
    private void put(List<String> cells, Record r) {
        if (r instanceof MulRKRecord m) {
            for (int i = 0; i < m.getNumColumns(); i++) {
                NumberRecord n = new NumberRecord();
                n.setXFIndex(m.getXFAt(i));
                n.setValue(m.getRKNumberAt(i));
                set(cells, m.getFirstColumn() + i, number(n, n.getValue()));
            }
        } else if (r instanceof MulBlankRecord m) {
            for (int i = 0; i < m.getNumColumns(); i++) {
                set(cells, m.getFirstColumn() + i, "");
            }
        } else {
            CellValueRecordInterface cell = (CellValueRecordInterface) r;
            set(cells, cell.getColumn(), text(cell));
        }
    }

    private static void set(List<String> cells, int column, String text) {
        if (column < 0 || column >= TableReader.MAX_COLUMNS) {
            return;
        }
        while (cells.size() <= column) {
            cells.add("");
        }
        cells.set(column, text);
    }

    private String text(CellValueRecordInterface cell) {
        if (cell instanceof LabelSSTRecord l) {
            return strings == null || l.getSSTIndex() < 0 || l.getSSTIndex() >= strings.getNumUniqueStrings() ? ""
                    : strings.getString(l.getSSTIndex()).getString();
        }
        if (cell instanceof LabelRecord l) {
            return l.getValue();
        }
        if (cell instanceof NumberRecord n) {
            return number(n, n.getValue());
        }
        if (cell instanceof RKRecord rk) {
            return number(rk, rk.getRKNumber());
        }
        if (cell instanceof BoolErrRecord b) {
            return b.isBoolean() ? String.valueOf(b.getBooleanValue()) : "";
        }
        if (cell instanceof FormulaRecord f) {
            CellType type = f.getCachedResultTypeEnum();
            return switch (type) {
                case NUMERIC -> number(f, f.getValue());
                case BOOLEAN -> String.valueOf(f.getCachedBooleanValue());
                case STRING -> formulaString();
                default -> "";
            };
        }
        return "";   // a blank cell
    }

    /** A formula's text result: the record that follows it. */
    private String formulaString() {
        Record next = ended ? null : records.nextRecord();
        if (next instanceof StringRecord s) {
            return s.getString();
        }
        // Not the string after all (a damaged file): the next cell is read in turn, the sheet's end kept.
        if (next == null || next instanceof EOFRecord) {
            ended = true;
        } else if (next instanceof CellValueRecordInterface || next instanceof MulRKRecord || next instanceof MulBlankRecord) {
            ahead = next;
        }
        return "";
    }

    /** A number as text, a date (a number with a date format) as an ISO date, as in {@link XlsxSource}. */
    private String number(CellValueRecordInterface cell, double value) {
        BigDecimal n = BigDecimal.valueOf(value);
        int index = formats.getFormatIndex(cell);
        String format = formats.getFormatString(cell);
        String date = DateUtil.isADateFormat(index, format) && DateUtil.isValidExcelDate(value) ? ExcelDates.text(n)
                : null;
        return date != null ? date : n.stripTrailingZeros().toPlainString();
    }

    @Override
    public String where() {
        return file + " sheet \"" + sheetName + "\"";
    }

    @Override
    public void close() {
        try {
            fs.close();
        } catch (IOException e) {
            // nothing to keep: the file was only read
        }
    }
}
