package vn.motcua.report.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.PeriodException;

/**
 * The ops-editable job configuration: {@code jobs/report.yaml} and, later, one file per period.
 * The folder is {@code MOTCUA_JOBS} when set, else {@code ./jobs}; with neither present the copy
 * bundled in the jar is used, so the demo runs from any folder.
 */
public final class JobsFolder {

    private static final String REPORT = "report.yaml";

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
        requireOnly(root, Set.of("cutoff-day", "centre"), where, "");
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
                string(centre, "place", where), string(centre, "symbol", where)));
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
                throw new ConfigException(where + ": unknown key '" + prefix + key + "' (known: " + String.join(", ", known) + ")");
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
