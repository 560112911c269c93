package vn.motcua.report.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import vn.motcua.report.config.YamlNode;
import vn.motcua.report.system.TextKey;

/**
 * Reads {@code jobs/catalogue.yaml} strictly, walking the jobs files' one reader ({@link YamlNode}): an
 * unknown or repeated key and a missing code or name are refused as in every jobs file; a bad code, a code
 * used twice, an alias (or name) that is another entry's code, name or alias, a procedure of a field not
 * listed, are refused here, each naming the file, the line and the key ({@code catalogue.*} messages).
 */
public final class CatalogueFile {

    public static final String NAME = "catalogue.yaml";

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private CatalogueFile() {
    }

    /** The catalogue the file {@code root} holds. */
    public static Catalogue read(YamlNode root) {
        root.only("fields", "units", "procedures");
        YamlNode fieldsNode = root.required("fields");
        List<Catalogue.Entry> fields = entries(fieldsNode);
        if (fields.isEmpty()) {
            throw fieldsNode.refuse("catalogue.noFields");
        }
        List<Catalogue.Entry> units = root.get("units").map(CatalogueFile::entries).orElse(List.of());
        List<Catalogue.Procedure> procedures = root.get("procedures").map(p -> procedures(p, fields)).orElse(List.of());
        return new Catalogue(fields, units, procedures);
    }

    /** Where a spelling was first claimed: by which entry, on which line. */
    private record Claim(String code, int line) {
    }

    /** A list of fields or units; codes, names and aliases are each one entry's only. */
    private static List<Catalogue.Entry> entries(YamlNode list) {
        List<Catalogue.Entry> entries = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        Map<String, Claim> spellings = new HashMap<>();
        for (YamlNode item : list.list()) {
            item.only("code", "name", "aliases");
            YamlNode codeNode = item.required("code");
            String code = codeNode.text();
            if (!CODE.matcher(code).matches()) {
                throw codeNode.refuse("catalogue.badCode", code);
            }
            Integer earlier = codes.putIfAbsent(code, codeNode.line());
            if (earlier != null) {
                throw codeNode.refuse("catalogue.repeatedCode", code, earlier);
            }
            YamlNode nameNode = item.required("name");
            String name = TextKey.normal(nameNode.text());
            // A code, a name or an alias names one entry only: an export's spelling must say one thing.
            claim(spellings, code, code, codeNode);
            claim(spellings, name, code, nameNode);
            List<String> aliases = new ArrayList<>();
            if (item.get("aliases").isPresent()) {
                YamlNode aliasNode = item.get("aliases").get();
                for (String alias : aliasNode.names()) {
                    String normal = TextKey.normal(alias);
                    claim(spellings, normal, code, aliasNode);
                    aliases.add(normal);
                }
            }
            entries.add(new Catalogue.Entry(code, name, List.copyOf(aliases)));
        }
        return List.copyOf(entries);
    }

    private static void claim(Map<String, Claim> spellings, String text, String code, YamlNode where) {
        Claim earlier = spellings.putIfAbsent(TextKey.of(text), new Claim(code, where.line()));
        if (earlier != null && !earlier.code().equals(code)) {
            throw where.refuse("catalogue.repeatedName", text, earlier.code(), earlier.line());
        }
    }

    private static List<Catalogue.Procedure> procedures(YamlNode list, List<Catalogue.Entry> fields) {
        Set<String> fieldCodes = new HashSet<>();
        fields.forEach(f -> fieldCodes.add(f.code()));
        List<Catalogue.Procedure> procedures = new ArrayList<>();
        Map<String, Claim> spellings = new HashMap<>();
        for (YamlNode item : list.list()) {
            item.only("code", "name", "field");
            YamlNode fieldNode = item.required("field");
            String field = fieldNode.text();
            if (!fieldCodes.contains(field)) {
                throw fieldNode.refuse("catalogue.unknownField", field);
            }
            if (item.get("code").isEmpty() && item.get("name").isEmpty()) {
                throw item.refuse("catalogue.procedureUnnamed");
            }
            String code = item.get("code").map(n -> TextKey.normal(n.text())).orElse(null);
            String name = item.get("name").map(n -> TextKey.normal(n.text())).orElse(null);
            if (code != null) {
                claim(spellings, code, item.path(), item.required("code"));
            }
            if (name != null) {
                claim(spellings, name, item.path(), item.required("name"));
            }
            procedures.add(new Catalogue.Procedure(code, name, field));
        }
        return List.copyOf(procedures);
    }
}
