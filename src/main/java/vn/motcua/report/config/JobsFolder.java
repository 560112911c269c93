package vn.motcua.report.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.system.Refusal;

/**
 * The ops-editable job configuration: {@code jobs/report.yaml} and one file per period,
 * {@code jobs/periods/PERIOD.yaml}, and the optional files other rooms read ({@link #optional}). Every file
 * is read by {@link YamlNode}, strictly: an unknown key is an error naming the file, the line and the key.
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

    /** {@code jobs/trust/}: the CA certificates (.cer) signatures are checked against; empty when absent. */
    public java.util.Optional<Path> trustFolder() {
        return folder == null ? java.util.Optional.empty()
                : java.util.Optional.of(folder.resolve("trust")).filter(Files::isDirectory);
    }

    /**
     * The handwritten-signature images the signer blocks name ({@code signature-image}, a PNG path relative
     * to the jobs folder), by signer name: the period file's signer first, then report.yaml's.
     */
    public List<java.util.Map.Entry<String, Path>> signatureImages(String periodName) {
        List<java.util.Map.Entry<String, Path>> images = new java.util.ArrayList<>();
        if (folder == null) {
            return images;
        }
        for (String name : List.of(PERIODS + "/" + periodName + ".yaml", REPORT)) {
            if (!exists(name)) {
                continue;
            }
            load(name).get("signer").ifPresent(signer -> signer.get("signature-image").ifPresent(image ->
                    images.add(java.util.Map.entry(signer.required("name").text(), folder.resolve(image.text())))));
        }
        return images;
    }

    public ReportSettings reportSettings() {
        YamlNode root = load(REPORT).only("cutoff-day", "centre", "recipients", "archive", "signer", "pdf-list-limit");
        YamlNode cutoffDay = root.required("cutoff-day");
        CutoffDay cutoff;
        try {
            cutoff = CutoffDay.parse(cutoffDay.text());
        } catch (Refusal e) {
            throw cutoffDay.refuse("config.wrong-value", e);
        }
        YamlNode centre = root.required("centre").only("parent-body", "name", "place", "symbol");
        return new ReportSettings(cutoff, new ReportSettings.Centre(
                centre.required("parent-body").text(), centre.required("name").text(),
                centre.required("place").text(), centre.required("symbol").text()),
                root.required("recipients").lines(), root.required("archive").text(),
                signer(root.required("signer")), pdfListLimit(root));
    }

    /** How many dossiers each list of the PDF shows (the workbook has them all): 1 to 1,000,000, default 1,000. */
    private static int pdfListLimit(YamlNode root) {
        Optional<YamlNode> limit = root.get("pdf-list-limit");
        if (limit.isEmpty()) {
            return ReportSettings.DEFAULT_PDF_LIST_LIMIT;
        }
        long n = limit.get().count();
        if (n < 1 || n > 1_000_000) {
            throw limit.get().refuse("config.pdf-list-limit", n);
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
        YamlNode root = load(name).only("document", "figures", "section-2", "section-3", "signer");
        String number = null;
        LocalDate date = null;
        if (root.get("document").isPresent()) {
            YamlNode document = root.required("document").only("number", "date");
            number = document.get("number").map(YamlNode::text).orElse(null);
            date = document.get("date").map(YamlNode::date).orElse(null);
        }
        List<PeriodTexts.StaffFigure> figures = new ArrayList<>();
        if (root.get("figures").isPresent()) {
            for (YamlNode f : root.required("figures").list()) {
                figures.add(figure(f, period));
            }
        }
        ReportSettings.Signer signer = root.get("signer").map(JobsFolder::signer).orElse(null);
        return new PeriodTexts(where, true, number, date, List.copyOf(figures), paragraphs(root, "section-2"),
                paragraphs(root, "section-3"), signer);
    }

    private static PeriodTexts.StaffFigure figure(YamlNode f, Period period) {
        f.only("procedure", "from", "to", "dossiers", "per-day", "note");
        LocalDate from = f.required("from").date();
        YamlNode toNode = f.required("to");
        LocalDate to = toNode.date();
        if (to.isBefore(from)) {
            throw toNode.refuse("config.figure-ends-before-start", to, from);
        }
        if (from.isBefore(period.start()) || to.isAfter(period.end())) {
            throw f.refuse("config.figure-outside-period", from, to, period.start(), period.end());
        }
        long dossiers = f.required("dossiers").count();
        Long perDay = f.get("per-day").map(YamlNode::count).orElse(null);
        String note = f.get("note").map(n -> n.text().replaceAll("\\s+", " ")).orElse(null);
        return new PeriodTexts.StaffFigure(f.required("procedure").text(), from, to, dossiers, perDay, note);
    }

    private static ReportSettings.Signer signer(YamlNode signer) {
        signer.only("on-behalf", "position", "name", "signature-image");
        return new ReportSettings.Signer(signer.get("on-behalf").map(YamlNode::text).orElse(null),
                signer.required("position").text(), signer.required("name").text());
    }

    /** A block of text, one paragraph per non-blank line; absent or empty gives no paragraph. */
    private static List<String> paragraphs(YamlNode root, String key) {
        return root.get(key).map(YamlNode::multiline).map(text -> text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()).orElse(List.of());
    }

    private boolean exists(String name) {
        return folder == null ? JobsFolder.class.getResource("/jobs/" + name) != null
                : Files.isRegularFile(folder.resolve(name));
    }

    /** Whether the jobs folder (or, without one, the bundled copy) has the file {@code name}. */
    public boolean has(String name) {
        return exists(name);
    }

    /**
     * A configuration file that may be absent (then an empty block): {@code name} in the jobs folder, or the
     * bundled copy when there is no folder. Read with the same strictness as the others: the caller walks it
     * with {@link YamlNode#only} and the typed accessors.
     */
    public YamlNode optional(String name) {
        return exists(name) ? load(name) : YamlNode.read(InputStream.nullInputStream(), describe() + "/" + name);
    }

    private YamlNode load(String name) {
        String where = describe() + "/" + name;
        if (folder == null) {
            try (InputStream in = JobsFolder.class.getResourceAsStream("/jobs/" + name)) {
                if (in == null) {
                    throw new ConfigException("config.bundled-file-missing", name);
                }
                return YamlNode.read(in, where);
            } catch (IOException e) {
                throw new ConfigException(e, "config.unreadable", where);
            }
        }
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config.file-missing", file, name);
        }
        return YamlNode.read(file, where);
    }
}
