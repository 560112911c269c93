package vn.motcua.report.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.period.PeriodException;

/**
 * The ops-editable job configuration: {@code jobs/report.yaml} and one file per period,
 * {@code jobs/periods/PERIOD.yaml}. Keys are strict: an unknown key is an error naming the file and the key.
 * The folder is {@code MOTCUA_JOBS} when set, else {@code ./jobs}; with neither present the copy
 * bundled in the jar is used, so the demo runs from any folder.
 */
public final class JobsFolder {

    private static final String REPORT = "report.yaml";
    private static final String PERIODS = "periods";

    private final Path folder;

    public JobsFolder(Path folder) {
        this.folder = folder;
    }

    /** Where settings come from, for messages: a folder, or "(bundled defaults)". */
    public String describe() {
        return folder == null ? "(bundled defaults)" : folder.toString();
    }

    public ReportSettings reportSettings() {
        Map<String, Object> root = load(REPORT);
        String where = describe() + "/" + REPORT;
        requireOnly(root, Set.of("cutoff-day", "centre", "recipients", "archive", "signer", "pdf-list-limit"), where, "");
        CutoffDay cutoff;
        try {
            cutoff = CutoffDay.parse(string(root, "cutoff-day", where));
        } catch (PeriodException e) {
            throw new ConfigException(where + ": cutoff-day: " + e.getMessage());
        }
        Map<String, Object> centre = map(root, "centre", where);
        requireOnly(centre, Set.of("parent-body", "name", "place", "symbol"), where, "centre.");
        return new ReportSettings(cutoff, new ReportSettings.Centre(
                string(centre, "parent-body", where), string(centre, "name", where),
                string(centre, "place", where), string(centre, "symbol", where)),
                lines(root, "recipients", where, true), string(root, "archive", where),
                signer(map(root, "signer", where), where, "signer."), pdfListLimit(root, where));
    }

    /** How many dossiers each list of the PDF shows (the workbook has them all): 1 or more, default 1,000. */
    private static int pdfListLimit(Map<String, Object> root, String where) {
        if (root.get("pdf-list-limit") == null) {
            return ReportSettings.DEFAULT_PDF_LIST_LIMIT;
        }
        long n = count(root, "pdf-list-limit", where, "");
        if (n < 1 || n > 1_000_000) {
            throw new ConfigException(where + ": 'pdf-list-limit' is '" + n + "': expected a whole number from 1 to 1000000");
        }
        return (int) n;
    }

    /** Where the texts of a period live, relative to the jobs folder: {@code periods/2021-02.yaml}. */
    public static String periodFile(Period period) {
        return PERIODS + "/" + period.name() + ".yaml";
    }

    /**
     * The staff texts of a period, or {@link PeriodTexts#missing} when the period has no file (a report
     * is still produced). A file that exists but is wrong is an error naming the file and the key.
     */
    public PeriodTexts periodTexts(Period period) {
        String name = periodFile(period);
        String where = describe() + "/" + name;
        if (!exists(name)) {
            return PeriodTexts.missing(where);
        }
        Map<String, Object> root = load(name);
        requireOnly(root, Set.of("document", "figures", "section-2", "section-3", "signer"), where, "");
        String number = null;
        LocalDate date = null;
        if (root.get("document") != null) {
            Map<String, Object> document = map(root, "document", where);
            requireOnly(document, Set.of("number", "date"), where, "document.");
            number = document.get("number") == null ? null : string(document, "number", where);
            date = document.get("date") == null ? null : date(document, "date", where, "document.");
        }
        List<PeriodTexts.StaffFigure> figures = new ArrayList<>();
        Object list = root.get("figures");
        if (list != null) {
            if (!(list instanceof List<?> items)) {
                throw new ConfigException(where + ": 'figures' must be a list of '- procedure: ...' blocks");
            }
            for (int i = 0; i < items.size(); i++) {
                String prefix = "figures[" + (i + 1) + "].";
                if (!(items.get(i) instanceof Map<?, ?> m)) {
                    throw new ConfigException(where + ": " + prefix + " must be a block of 'key: value' lines");
                }
                Map<String, Object> f = new LinkedHashMap<>();
                m.forEach((k, v) -> f.put(String.valueOf(k), v));
                figures.add(figure(f, period, where, prefix));
            }
        }
        ReportSettings.Signer signer = root.get("signer") == null ? null
                : signer(map(root, "signer", where), where, "signer.");
        return new PeriodTexts(where, true, number, date, List.copyOf(figures), paragraphs(root, "section-2", where),
                paragraphs(root, "section-3", where), signer);
    }

    private static PeriodTexts.StaffFigure figure(Map<String, Object> f, Period period, String where, String prefix) {
        requireOnly(f, Set.of("procedure", "from", "to", "dossiers", "per-day", "note"), where, prefix);
        LocalDate from = date(f, "from", where, prefix);
        LocalDate to = date(f, "to", where, prefix);
        if (to.isBefore(from)) {
            throw new ConfigException(where + ": " + prefix + "to (" + to + ") is before " + prefix + "from (" + from + ")");
        }
        if (from.isBefore(period.start()) || to.isAfter(period.end())) {
            throw new ConfigException(where + ": " + prefix + "from..to (" + from + " .. " + to
                    + ") must lie within the period " + period.start() + " .. " + period.end());
        }
        long dossiers = count(f, "dossiers", where, prefix);
        Long perDay = f.get("per-day") == null ? null : count(f, "per-day", where, prefix);
        String note = f.get("note") == null ? null : string(f, "note", where).replaceAll("\\s+", " ");
        return new PeriodTexts.StaffFigure(string(f, "procedure", where), from, to, dossiers, perDay, note);
    }

    private static ReportSettings.Signer signer(Map<String, Object> signer, String where, String prefix) {
        requireOnly(signer, Set.of("on-behalf", "position", "name"), where, prefix);
        String onBehalf = signer.get("on-behalf") == null ? null : string(signer, "on-behalf", where);
        return new ReportSettings.Signer(onBehalf, string(signer, "position", where), string(signer, "name", where));
    }

    /** A block of text, one paragraph per non-blank line; absent or empty gives no paragraph. */
    private static List<String> paragraphs(Map<String, Object> map, String key, String where) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof String text)) {
            throw new ConfigException(where + ": '" + key + "' must be text (write it as 'key: |' and indented lines)");
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static List<String> lines(Map<String, Object> map, String key, String where, boolean required) {
        Object v = map.get(key);
        if (v == null && !required) {
            return List.of();
        }
        if (!(v instanceof List<?> items) || items.isEmpty()) {
            throw new ConfigException(where + ": '" + key + "' must be a list of '- ...' lines");
        }
        List<String> result = new ArrayList<>();
        for (Object item : items) {
            if (item == null || item instanceof Map<?, ?> || item instanceof List<?> || String.valueOf(item).isBlank()) {
                throw new ConfigException(where + ": '" + key + "' must be a list of '- ...' lines, one text per line");
            }
            result.add(String.valueOf(item).strip());
        }
        return List.copyOf(result);
    }

    /** YAML reads an unquoted 2021-02-26 as a timestamp at UTC midnight; a quoted one stays text. */
    private static LocalDate date(Map<String, Object> map, String key, String where, String prefix) {
        Object v = map.get(key);
        if (v instanceof Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        if (v == null) {
            throw new ConfigException(where + ": '" + prefix + key + "' is missing");
        }
        try {
            return LocalDate.parse(String.valueOf(v).trim());
        } catch (DateTimeParseException e) {
            throw new ConfigException(where + ": '" + prefix + key + "' is '" + v + "': expected a date such as 2021-02-26");
        }
    }

    private static long count(Map<String, Object> map, String key, String where, String prefix) {
        Object v = map.get(key);
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 0) {
            throw new ConfigException(where + ": '" + prefix + key + "' is '" + v + "': expected a whole number, 0 or more");
        }
        return ((Number) v).longValue();
    }

    private boolean exists(String name) {
        return folder == null ? JobsFolder.class.getResource("/jobs/" + name) != null
                : Files.isRegularFile(folder.resolve(name));
    }

    /** Whether the jobs folder (or, without one, the bundled copy) has the file {@code name}. */
    public boolean has(String name) {
        return exists(name);
    }

    /** The whole text of the file {@code name} (UTF-8), for a file with a reader of its own. */
    public String text(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("Could not read " + describe() + "/" + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * A configuration file that may be absent (then empty): {@code name} in the jobs folder, or the bundled copy
     * when there is no folder. Its top-level keys and values, in file order.
     */
    public Map<String, Object> optional(String name) {
        boolean present = folder == null ? JobsFolder.class.getResource("/jobs/" + name) != null
                : Files.isRegularFile(folder.resolve(name));
        return present ? load(name) : Map.of();
    }

    private Map<String, Object> load(String name) {
        try (InputStream in = open(name)) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load((Reader) new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            if (!(doc instanceof Map<?, ?> m)) {
                throw new ConfigException(describe() + "/" + name + " is empty or not a set of 'key: value' lines");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            m.forEach((k, v) -> result.put(String.valueOf(k), v));
            return result;
        } catch (YAMLException e) {
            throw new ConfigException(describe() + "/" + name + " is not valid YAML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("Could not read " + describe() + "/" + name + ": " + e.getMessage(), e);
        }
    }

    private InputStream open(String name) throws IOException {
        if (folder == null) {
            InputStream in = JobsFolder.class.getResourceAsStream("/jobs/" + name);
            if (in == null) {
                throw new ConfigException("the bundled job configuration has no " + name);
            }
            return in;
        }
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + " is missing: the jobs folder must hold " + name
                    + " (copy the one in the project's jobs/ folder and edit it)");
        }
        return Files.newInputStream(file);
    }

    private static void requireOnly(Map<String, Object> map, Set<String> known, String where, String prefix) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw new ConfigException(where + ": unknown key '" + prefix + key + "' (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    private static String string(Map<String, Object> map, String key, String where) {
        Object v = map.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new ConfigException(where + ": '" + key + "' is missing");
        }
        return String.valueOf(v).trim();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> map, String key, String where) {
        Object v = map.get(key);
        if (!(v instanceof Map<?, ?>)) {
            throw new ConfigException(where + ": '" + key + "' is missing or is not a block of 'key: value' lines");
        }
        return (Map<String, Object>) v;
    }
}
