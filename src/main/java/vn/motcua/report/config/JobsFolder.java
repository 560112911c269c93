package vn.motcua.report.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import vn.motcua.report.period.Period;

/**
 * The ops-editable job configuration: {@code jobs/report.yaml}, one file per period,
 * {@code jobs/periods/PERIOD.yaml}, and the optional files other rooms read ({@link #file}); each bound by
 * {@link JobsFile}, strictly: an unknown key is an error naming the file, the line and the key. The folder is
 * {@code MOTCUA_JOBS} when set, else {@code ./jobs}; with neither present the copy bundled in the jar is used,
 * so the demo runs from any folder.
 * <p>
 * The application has one, and a command is one run of the application: each file is read the first time the
 * command needs it, then kept, so every step of a run sees the same settings and no file is read twice. A
 * command that needs none (history, verify) reads none. {@link #readAfresh} starts the next command of the same
 * application (the tests run many) with the files as they are then.
 */
public final class JobsFolder {

    private static final String PERIODS = "periods";

    private final Path folder;
    /** The files read by this command, by name; empty for a file that is not there. */
    private final Map<String, Optional<JobsFile<?>>> read = new ConcurrentHashMap<>();
    /** What this command made of each file it read ({@link #made}), by name. */
    private final Map<String, Optional<?>> made = new ConcurrentHashMap<>();

    public JobsFolder(Path folder) {
        this.folder = folder;
    }

    /** Where settings come from, for messages: a folder, or "(bundled defaults)". */
    public String describe() {
        return folder == null ? "(bundled defaults)" : folder.toString();
    }

    /** {@code jobs/trust/}: the CA certificates (.cer) signatures are checked against; empty when absent. */
    public Optional<Path> trustFolder() {
        return folder == null ? Optional.empty() : Optional.of(folder.resolve("trust")).filter(Files::isDirectory);
    }

    /**
     * A file named relative to the jobs folder (a {@code signature-image} of another jobs file); empty with the bundled
     * defaults, which name none.
     */
    public Optional<Path> resolve(String relative) {
        return folder == null ? Optional.empty() : Optional.of(folder.resolve(relative));
    }

    /** Forgets the files read: a new command reads each again, as it is now. */
    public void readAfresh() {
        read.clear();
        made.clear();
    }

    public ReportSettings reportSettings() {
        return ReportFile.settings(bound(ReportFile.NAME, ReportFile.class, ReportFile.WRONG_SHAPE)
                .orElseThrow(() -> folder == null ? new ConfigException("config.bundled-file-missing", ReportFile.NAME)
                        : new ConfigException("config.file-missing", folder.resolve(ReportFile.NAME), ReportFile.NAME)));
    }

    /** Where the texts of a period live, relative to the jobs folder: {@code periods/2021-02.yaml}. */
    public static String periodFile(Period period) {
        return periodFile(period.name());
    }

    private static String periodFile(String periodName) {
        return PERIODS + "/" + periodName + ".yaml";
    }

    /**
     * Where the texts of one centre's report of a period live: {@code periods/2021-02/xa-an-phu.yaml}; for
     * {@code centre} '' (report.yaml's one centre) {@link #periodFile(Period)}.
     */
    public static String periodFile(Period period, String centre) {
        return centre.isEmpty() ? periodFile(period) : PERIODS + "/" + period.name() + "/" + centre + ".yaml";
    }

    /**
     * The staff texts of a period, or {@link PeriodTexts#missing} when the period has no file (a report
     * is still produced). A file that exists but is wrong is an error naming the file and the key.
     */
    public PeriodTexts periodTexts(Period period) {
        return periodTexts(period, "");
    }

    /** As {@link #periodTexts(Period)}, of one centre's report ({@link #periodFile(Period, String)}). */
    public PeriodTexts periodTexts(Period period, String centre) {
        String name = periodFile(period, centre);
        return bound(name, PeriodFile.class, PeriodFile.WRONG_SHAPE).map(file -> PeriodFile.texts(file, period))
                .orElseGet(() -> PeriodTexts.missing(where(name)));
    }

    /**
     * The handwritten-signature images the signer blocks name ({@code signature-image}, a PNG path relative
     * to the jobs folder), by signer name: the period file's signer first, then report.yaml's.
     */
    public List<Map.Entry<String, Path>> signatureImages(String periodName) {
        return signatureImages(periodName, "");
    }

    /**
     * As {@link #signatureImages(String)}, for one centre's report: its period file is
     * {@code periods/PERIOD/CODE.yaml} ({@code centre} '': report.yaml's one centre's, {@code periods/PERIOD.yaml}).
     */
    public List<Map.Entry<String, Path>> signatureImages(String periodName, String centre) {
        List<Map.Entry<String, Path>> images = new ArrayList<>();
        if (folder == null) {
            return images;
        }
        String periodFile = centre.isEmpty() ? periodFile(periodName) : PERIODS + "/" + periodName + "/" + centre + ".yaml";
        bound(periodFile, PeriodFile.class, PeriodFile.WRONG_SHAPE)
                .ifPresent(file -> image(file, file.value().signer(), images));
        bound(ReportFile.NAME, ReportFile.class, ReportFile.WRONG_SHAPE)
                .ifPresent(file -> image(file, file.value().signer(), images));
        return images;
    }

    private void image(JobsFile<?> file, WrittenSigner signer, List<Map.Entry<String, Path>> images) {
        if (signer != null && signer.signatureImage() != null) {
            images.add(Map.entry(signer.settings(file, "signer").name(),
                    folder.resolve(file.text(signer.signatureImage(), "signer.signature-image"))));
        }
    }

    /**
     * A file that may be absent (then empty): {@code name} in the jobs folder, or the bundled copy when there is
     * no folder, bound to {@code type} (always the same for a name) and read once per command.
     */
    public <T> Optional<JobsFile<T>> file(String name, Class<T> type) {
        return bound(name, type, Map.of());
    }

    /**
     * As {@link #file(String, Class)}, with the messages of values of the wrong kind that say more than the usual
     * one, by key path without list indexes ({@code centres.recipients}: {@code config.not-lines}).
     */
    public <T> Optional<JobsFile<T>> file(String name, Class<T> type, Map<String, String> wrongShape) {
        return bound(name, type, wrongShape);
    }

    /**
     * What {@code make} makes of the file (its checked, converted form), made once per command as the file is read
     * once: a province's centres are asked for by every step of every centre's report. A refusal is not kept: the
     * next call refuses again.
     */
    @SuppressWarnings("unchecked")
    public <T, R> Optional<R> made(String name, Class<T> type, Map<String, String> wrongShape,
                                   Function<JobsFile<T>, R> make) {
        return (Optional<R>) made.computeIfAbsent(name, n -> file(n, type, wrongShape).map(make));
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<JobsFile<T>> bound(String name, Class<T> type, Map<String, String> wrongShape) {
        Optional<JobsFile<?>> file = read.computeIfAbsent(name,
                n -> content(n).map(bytes -> JobsFile.read(bytes, where(n), type, wrongShape)));
        return file.map(f -> (JobsFile<T>) f);
    }

    private String where(String name) {
        return describe() + "/" + name;
    }

    /** The bytes of a file, empty when it is not there: the one place a jobs file is read. */
    Optional<byte[]> content(String name) {
        try {
            if (folder == null) {
                try (InputStream in = JobsFolder.class.getResourceAsStream("/jobs/" + name)) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                }
            }
            Path file = folder.resolve(name);
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new ConfigException(e, "config.unreadable", where(name));
        }
    }
}
