package vn.motcua.report.centre;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import vn.motcua.report.config.JobsFile;
import vn.motcua.report.config.NameList;
import vn.motcua.report.config.ReportSettings;
import vn.motcua.report.config.WrittenSigner;
import vn.motcua.report.system.TextKey;

/**
 * {@code jobs/centres.yaml} as written ({@link Written}), bound strictly by {@link JobsFile} like every jobs file.
 * {@link #read} checks the rest, each refused naming the file, the line and the key ({@code centre.*} messages): a
 * missing value, a code that is not lower case letters, digits and hyphens, a code used twice or used by the
 * consolidation, an unknown level, and a code, name or alias that is another centre's code, name or alias.
 */
final class CentresFile {

    /** Values of the wrong kind whose message says more than the usual one. */
    static final Map<String, String> WRONG_SHAPE = Map.of(
            "consolidation.recipients", "config.not-lines",
            "centres.recipients", "config.not-lines");

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private CentresFile() {
    }

    /** What the file may hold. */
    record Written(WrittenConsolidation consolidation, List<Entry> centres) {
    }

    record WrittenConsolidation(String code, String parentBody, String name, String place, String symbol,
                                WrittenSigner signer, List<String> recipients) {
    }

    record Entry(String code, String name, String level, String parentBody, String place, String symbol,
                 NameList aliases, WrittenSigner signer, List<String> recipients) {
    }

    /** Where a code or a spelling was first claimed: by which centre, on which line. */
    private record Claim(String code, int line) {
    }

    static Centres read(JobsFile<Written> file) {
        Written written = file.value();
        Consolidation consolidation = consolidation(file, file.required(written.consolidation(), "consolidation"));
        List<Entry> list = file.required(written.centres(), "centres");
        if (list.isEmpty()) {
            throw file.refuse("centres", "centre.no-centres");
        }
        List<Centre> centres = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        Map<String, Claim> spellings = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "centres[" + (i + 1) + "]";
            Entry entry = file.block(list.get(i), path);
            String codePath = path + ".code";
            String code = code(file, entry.code(), codePath);
            Integer earlier = codes.putIfAbsent(code, file.line(codePath));
            if (earlier != null) {
                throw file.refuse(codePath, "centre.repeated-code", code, earlier);
            }
            if (code.equals(consolidation.code())) {
                throw file.refuse("consolidation.code", "centre.consolidation-code", code, file.line(codePath));
            }
            String namePath = path + ".name";
            String name = TextKey.normal(file.text(entry.name(), namePath));
            // A code, a name or an alias names one centre only: an export's spelling must say one thing.
            claim(file, spellings, code, code, codePath);
            claim(file, spellings, name, code, namePath);
            List<String> aliases = new ArrayList<>();
            String aliasPath = path + ".aliases";
            List<String> names = file.names(entry.aliases(), aliasPath);
            for (int a = 0; a < names.size(); a++) {
                String normal = TextKey.normal(names.get(a));
                claim(file, spellings, normal, code, aliasPath + "[" + (a + 1) + "]");
                aliases.add(normal);
            }
            String levelPath = path + ".level";
            String levelCode = file.text(entry.level(), levelPath);
            Level level = Level.ofCode(levelCode).orElseThrow(() -> file.refuse(levelPath, "centre.unknown-level",
                    levelCode, String.join(", ", Level.codes())));
            ReportSettings.Signer signer = entry.signer() == null ? null : entry.signer().settings(file, path + ".signer");
            centres.add(new Centre(code, name, level, file.text(entry.parentBody(), path + ".parent-body"),
                    file.text(entry.place(), path + ".place"), file.text(entry.symbol(), path + ".symbol"),
                    List.copyOf(aliases), signer, signatureImage(file, entry.signer(), path),
                    entry.recipients() == null ? List.of() : file.lines(entry.recipients(), path + ".recipients")));
        }
        return new Centres(consolidation, centres);
    }

    private static Consolidation consolidation(JobsFile<Written> file, WrittenConsolidation c) {
        String path = "consolidation";
        WrittenSigner signer = file.required(c.signer(), path + ".signer");
        return new Consolidation(code(file, c.code(), path + ".code"),
                file.text(c.parentBody(), path + ".parent-body"), file.text(c.name(), path + ".name"),
                file.text(c.place(), path + ".place"),
                file.text(c.symbol(), path + ".symbol"), signer.settings(file, path + ".signer"),
                signatureImage(file, signer, path), file.lines(c.recipients(), path + ".recipients"));
    }

    /** A code written, lower case letters, digits and hyphens: it names folders and files. */
    private static String code(JobsFile<Written> file, String written, String path) {
        String code = file.text(written, path);
        if (!CODE.matcher(code).matches()) {
            throw file.refuse(path, "centre.bad-code", code);
        }
        return code;
    }

    private static String signatureImage(JobsFile<Written> file, WrittenSigner signer, String path) {
        return signer == null ? null : file.optionalText(signer.signatureImage(), path + ".signer.signature-image");
    }

    private static void claim(JobsFile<Written> file, Map<String, Claim> spellings, String text, String code,
                              String path) {
        Claim earlier = spellings.putIfAbsent(Centres.normalise(text), new Claim(code, file.line(path)));
        if (earlier != null && !earlier.code().equals(code)) {
            throw file.refuse(path, "centre.repeated-name", text, earlier.code(), earlier.line());
        }
    }
}
