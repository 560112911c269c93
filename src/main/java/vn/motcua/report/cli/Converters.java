package vn.motcua.report.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import picocli.CommandLine.ITypeConverter;

import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.PeriodName;
import vn.motcua.report.revision.TableColumn;
import vn.motcua.report.system.Messages;
import vn.motcua.report.system.Refusal;

/**
 * How option values become typed values while the command line is parsed, before anything starts: each
 * refuses a wrong value with a {@link Refusal} (picocli passes it on and {@link Launcher} words it).
 */
final class Converters {

    private Converters() {
    }

    /** {@code vi} or {@code en}. */
    static final class Language implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!Messages.known(value)) {
                throw new Refusal("cli.unknown-language", value);
            }
            return value.strip().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A period as named ("2021-q1" is "2021-Q1"), with its kind and months; a cutoff day closes it later. */
    static final class Periods implements ITypeConverter<PeriodName> {
        @Override
        public PeriodName convert(String value) {
            return PeriodName.parse(value);
        }
    }

    /** A cutoff day: 1..31 or {@code last}. */
    static final class Cutoff implements ITypeConverter<CutoffDay> {
        @Override
        public CutoffDay convert(String value) {
            return CutoffDay.parse(value);
        }
    }

    /** A time-stamping authority's address: http(s)://host[:port][/path]. */
    static final class ServiceAddress implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!vn.motcua.report.config.ReportSettings.isServiceAddress(value.strip())) {
                throw new Refusal("cli.tsa-address", value);
            }
            return value.strip();
        }
    }

    /** A file that exists and can be read. */
    static final class ExistingFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path file;
            try {
                file = Path.of(value);
            } catch (InvalidPathException e) {
                throw new Refusal("cli.no-such-file", value);
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new Refusal(Files.isDirectory(file) ? "cli.file-is-a-folder" : "cli.no-such-file", value);
            }
            return file;
        }
    }

    /** A column of the table by its CSV name ({@code late}), or early, withdrawn, returned. */
    static final class Column implements ITypeConverter<TableColumn> {
        @Override
        public TableColumn convert(String value) {
            return TableColumn.named(value.strip()).orElseThrow(() -> new Refusal("cli.unknown-column", value,
                    TableColumn.names()));
        }
    }

    /** A revision number: 1 or more. */
    static final class RevisionNumber implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) whole(value, 1, Integer.MAX_VALUE, "cli.not-a-revision");
        }
    }

    /** A whole number, written with or without thousands separators (1000000, 1_000_000, 1,000,000). */
    static long whole(String value, long min, long max, String key) {
        String digits = value.strip().replace("_", "").replace(",", "").replace(".", "");
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new Refusal(key, value, Long.toString(min), Long.toString(max));
        }
        if (n < min || n > max) {
            throw new Refusal(key, value, Long.toString(min), Long.toString(max));
        }
        return n;
    }

    /** Text that must say something: not empty, not only spaces. */
    static final class Text implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new Refusal("cli.empty-text");
            }
            return value.strip();
        }
    }
}
