package vn.motcua.report.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import vn.motcua.report.config.JobsFile;
import vn.motcua.report.config.NameList;
import vn.motcua.report.system.TextKey;

/**
 * {@code jobs/catalogue.yaml} as written ({@link Written}), bound strictly by {@link JobsFile}: an unknown or
 * repeated key and a value of the wrong kind are refused as in every jobs file. {@link #read} checks the rest:
 * a missing code or name, a bad code, a code used twice, an alias (or name) that is another entry's code, name or
 * alias, a procedure of a field not listed, each refused naming the file, the line and the key
 * ({@code catalogue.*} messages).
 */
public final class CatalogueFile {

    public static final String NAME = "catalogue.yaml";

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private CatalogueFile() {
    }

    /** What the file may hold. */
    record Written(List<Entry> fields, List<Entry> units, List<Procedure> procedures) {
    }

    /** A field or a unit. */
    record Entry(String code, String name, NameList aliases) {
    }

    record Procedure(String code, String name, String field) {
    }

    /** The catalogue the file holds. */
    static Catalogue read(JobsFile<Written> file) {
        Written written = file.value();
        List<Catalogue.Entry> fields = entries(file, file.required(written.fields(), "fields"), "fields");
        if (fields.isEmpty()) {
            throw file.refuse("fields", "catalogue.noFields");
        }
        List<Catalogue.Entry> units = written.units() == null ? List.of() : entries(file, written.units(), "units");
        List<Catalogue.Procedure> procedures = written.procedures() == null ? List.of()
                : procedures(file, written.procedures(), fields);
        return new Catalogue(fields, units, procedures);
    }

    /** Where a spelling was first claimed: by which entry, on which line. */
    private record Claim(String code, int line) {
    }

    /** A list of fields or units; codes, names and aliases are each one entry's only. */
    private static List<Catalogue.Entry> entries(JobsFile<Written> file, List<Entry> list, String listPath) {
        List<Catalogue.Entry> entries = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        Map<String, Claim> spellings = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String path = listPath + "[" + (i + 1) + "]";
            Entry item = file.block(list.get(i), path);
            String codePath = path + ".code";
            String code = file.text(item.code(), codePath);
            if (!CODE.matcher(code).matches()) {
                throw file.refuse(codePath, "catalogue.badCode", code);
            }
            Integer earlier = codes.putIfAbsent(code, file.line(codePath));
            if (earlier != null) {
                throw file.refuse(codePath, "catalogue.repeatedCode", code, earlier);
            }
            String namePath = path + ".name";
            String name = TextKey.normal(file.text(item.name(), namePath));
            // A code, a name or an alias names one entry only: an export's spelling must say one thing.
            claim(file, spellings, code, code, codePath);
            claim(file, spellings, name, code, namePath);
            List<String> aliases = new ArrayList<>();
            String aliasPath = path + ".aliases";
            for (String alias : file.names(item.aliases(), aliasPath)) {
                String normal = TextKey.normal(alias);
                claim(file, spellings, normal, code, aliasPath);
                aliases.add(normal);
            }
            entries.add(new Catalogue.Entry(code, name, List.copyOf(aliases)));
        }
        return List.copyOf(entries);
    }

    private static void claim(JobsFile<Written> file, Map<String, Claim> spellings, String text, String code,
                              String path) {
        Claim earlier = spellings.putIfAbsent(TextKey.of(text), new Claim(code, file.line(path)));
        if (earlier != null && !earlier.code().equals(code)) {
            throw file.refuse(path, "catalogue.repeatedName", text, earlier.code(), earlier.line());
        }
    }

    private static List<Catalogue.Procedure> procedures(JobsFile<Written> file, List<Procedure> list,
                                                        List<Catalogue.Entry> fields) {
        Set<String> fieldCodes = new HashSet<>();
        fields.forEach(f -> fieldCodes.add(f.code()));
        List<Catalogue.Procedure> procedures = new ArrayList<>();
        Map<String, Claim> spellings = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "procedures[" + (i + 1) + "]";
            Procedure item = file.block(list.get(i), path);
            String field = file.text(item.field(), path + ".field");
            if (!fieldCodes.contains(field)) {
                throw file.refuse(path + ".field", "catalogue.unknownField", field);
            }
            String code = file.optionalText(item.code(), path + ".code");
            String name = file.optionalText(item.name(), path + ".name");
            if (code == null && name == null) {
                throw file.refuse(path, "catalogue.procedureUnnamed");
            }
            code = code == null ? null : TextKey.normal(code);
            name = name == null ? null : TextKey.normal(name);
            if (code != null) {
                claim(file, spellings, code, path, path + ".code");
            }
            if (name != null) {
                claim(file, spellings, name, path, path + ".name");
            }
            procedures.add(new Catalogue.Procedure(code, name, field));
        }
        return List.copyOf(procedures);
    }
}
