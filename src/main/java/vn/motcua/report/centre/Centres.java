package vn.motcua.report.centre;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.motcua.report.config.ConfigException;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.system.Refusal;
import vn.motcua.report.system.TextKey;

/**
 * The province's centres and the body that consolidates them, from {@code jobs/centres.yaml} (optional: without it
 * the product reports for the one centre report.yaml describes). A dossier's receiving centre is stored as the
 * export writes it; {@link #match} says which listed centre that is, whatever the case, spacing or Unicode form.
 */
public final class Centres {

    public static final String FILE = "centres.yaml";

    /** How a dossier whose export names no receiving centre is counted and shown. */
    public static final String UNDETERMINED = "Chưa xác định nơi tiếp nhận";

    /** The import's note of received centres not listed: this message, with the entries joined by "; ". */
    public static final String UNLISTED_MESSAGE = "centre.unlisted-centres";

    /** One entry of that note: the name as received, and how many dossiers of the import give it. */
    public static final String UNLISTED_ENTRY = "centre.unlisted-centre";

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** Any white space, a no-break space (which spreadsheets write) included. */
    private static final Pattern SPACES = Pattern.compile("(?U)\\s+");

    private final Consolidation consolidation;
    private final List<Centre> centres;
    /** Each centre by its code, name and aliases, normalised. */
    private final Map<String, Centre> bySpelling = new HashMap<>();

    Centres(Consolidation consolidation, List<Centre> centres) {
        this.consolidation = consolidation;
        this.centres = List.copyOf(centres);
        for (Centre c : this.centres) {
            bySpelling.put(normalise(c.code()), c);
            bySpelling.put(normalise(c.name()), c);
            c.aliases().forEach(a -> bySpelling.put(normalise(a), c));
        }
    }

    /**
     * The jobs folder's centres.yaml, or empty when there is none.
     *
     * @throws ConfigException naming the file, the line and the key when the file is wrong
     */
    public static Optional<Centres> load(JobsFolder jobs) {
        return jobs.made(FILE, CentresFile.Written.class, CentresFile.WRONG_SHAPE, CentresFile::read);
    }

    /**
     * The listed centre {@code --centre CODE} names.
     *
     * @throws Refusal naming the listed codes when none has this code, or saying there is no centres.yaml
     */
    public static Centre listed(JobsFolder jobs, String code) {
        Centres centres = load(jobs).orElseThrow(() -> new Refusal("centre.no-centres-file", code,
                jobs.describe() + "/" + FILE));
        return centres.byCode(code).orElseThrow(() -> new Refusal("centre.not-listed", code,
                jobs.describe() + "/" + FILE, String.join(", ", centres.centres().stream().map(Centre::code).toList())));
    }

    public Consolidation consolidation() {
        return consolidation;
    }

    /** The centres in the file's order. */
    public List<Centre> centres() {
        return centres;
    }

    /** The centre of this code exactly, as {@code --centre CODE} names it. */
    public Optional<Centre> byCode(String code) {
        return centres.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The listed centre a received name is (its code, name or an alias); empty for an unlisted or blank one. */
    public Optional<Centre> match(String received) {
        return received == null ? Optional.empty() : Optional.ofNullable(bySpelling.get(normalise(received)));
    }

    /**
     * How names of centres are compared: Unicode NFC, trimmed, internal white space (no-break spaces too) one space, lower case
     * (Vietnamese): "TTPVHCC  xã An Phú" and "ttpvhcc xã an phú" are one.
     */
    public static String normalise(String text) {
        String normal = TextKey.normal(text);
        if (normal.indexOf('\u00a0') >= 0 || normal.indexOf('\u202f') >= 0 || normal.indexOf('\u2007') >= 0) {
            normal = SPACES.matcher(normal).replaceAll(" ").strip();
        }
        return normal.toLowerCase(VIETNAMESE);
    }
}
