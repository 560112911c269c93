package vn.motcua.report.catalogue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import vn.motcua.report.system.Refusal;
import vn.motcua.report.system.TextKey;

/**
 * Reads {@code jobs/catalogue.yaml} strictly: an unknown or repeated key, a missing code or name, a code
 * or alias used twice, an alias that is another entry's name, are refused naming the file, the key and
 * the line. Walks SnakeYAML's node tree (which keeps each value's line); nothing else depends on how.
 */
public final class CatalogueFile {

    public static final String NAME = "catalogue.yaml";

    private static final Logger log = LoggerFactory.getLogger(CatalogueFile.class);
    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> TOP = Set.of("fields", "units", "procedures");
    private static final Set<String> ENTRY = Set.of("code", "name", "aliases");
    private static final Set<String> PROCEDURE = Set.of("code", "name", "field");

    private final String where;

    private CatalogueFile(String where) {
        this.where = where;
    }

    /**
     * The catalogue in {@code text}; {@code where} names the file in refusals.
     *
     * @throws Refusal (keys {@code catalogue.*}) saying what is wrong, where
     */
    public static Catalogue parse(String where, String text) {
        return new CatalogueFile(where).parse(text);
    }

    private Catalogue parse(String text) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            log.info("{} is not valid YAML", where, e);
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new Refusal(e, "catalogue.yaml", where, mark == null ? 1 : mark.getLine() + 1);
        } catch (YAMLException e) {
            log.info("{} is not valid YAML", where, e);
            throw new Refusal(e, "catalogue.yaml", where, 1);
        }
        if (!(root instanceof MappingNode)) {
            throw new Refusal("catalogue.empty", where);
        }
        Map<String, NodeTuple> top = keys(root, TOP, "");
        if (!top.containsKey("fields")) {
            throw new Refusal("catalogue.missing", where, line(root), "fields");
        }
        List<Catalogue.Entry> fields = entries(top.get("fields"), "fields");
        if (fields.isEmpty()) {
            throw new Refusal("catalogue.noFields", where, line(top.get("fields").getKeyNode()));
        }
        List<Catalogue.Entry> units = top.containsKey("units") ? entries(top.get("units"), "units") : List.of();
        List<Catalogue.Procedure> procedures = top.containsKey("procedures")
                ? procedures(top.get("procedures"), fields) : List.of();
        return new Catalogue(List.copyOf(fields), List.copyOf(units), List.copyOf(procedures));
    }

    /** The keys of a mapping, each known and written once. */
    private Map<String, NodeTuple> keys(Node node, Set<String> known, String prefix) {
        if (!(node instanceof MappingNode m)) {
            throw new Refusal("catalogue.notBlock", where, line(node), prefix.isEmpty() ? "(tệp)" : prefix.substring(0, prefix.length() - 1));
        }
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
            if (!known.contains(key)) {
                throw new Refusal("catalogue.unknownKey", where, line(t.getKeyNode()), prefix + key,
                        String.join(", ", new TreeSet<>(known)));
            }
            if (keys.put(key, t) != null) {
                throw new Refusal("catalogue.repeatedKey", where, line(t.getKeyNode()), prefix + key);
            }
        }
        return keys;
    }

    /** A list of fields or units; codes, names and aliases are each one entry's only. */
    private List<Catalogue.Entry> entries(NodeTuple list, String kind) {
        List<Node> items = list(list, kind);
        List<Catalogue.Entry> entries = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        Map<String, Named> names = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String prefix = kind + "[" + (i + 1) + "].";
            Node item = items.get(i);
            Map<String, NodeTuple> keys = keys(item, ENTRY, prefix);
            String code = required(keys, "code", item, prefix);
            int codeLine = line(keys.get("code").getValueNode());
            if (!CODE.matcher(code).matches()) {
                throw new Refusal("catalogue.badCode", where, codeLine, prefix + "code", code);
            }
            Integer earlier = codes.putIfAbsent(code, codeLine);
            if (earlier != null) {
                throw new Refusal("catalogue.repeatedCode", where, codeLine, prefix + "code", code, earlier);
            }
            String name = TextKey.normal(required(keys, "name", item, prefix));
            List<String> aliases = new ArrayList<>();
            if (keys.containsKey("aliases")) {
                for (Node alias : list(keys.get("aliases"), prefix + "aliases")) {
                    aliases.add(TextKey.normal(text(alias, prefix + "aliases")));
                }
            }
            // A code, a name or an alias names one entry only: an export's spelling must say one thing.
            claim(names, code, code, codeLine, prefix + "code");
            claim(names, name, code, line(keys.get("name").getValueNode()), prefix + "name");
            List<Node> aliasNodes = keys.containsKey("aliases") ? list(keys.get("aliases"), prefix + "aliases") : List.of();
            for (int a = 0; a < aliases.size(); a++) {
                claim(names, aliases.get(a), code, line(aliasNodes.get(a)), prefix + "aliases");
            }
            entries.add(new Catalogue.Entry(code, name, List.copyOf(aliases)));
        }
        return entries;
    }

    private record Named(String code, int line) {
    }

    private void claim(Map<String, Named> names, String text, String code, int line, String key) {
        Named earlier = names.putIfAbsent(TextKey.of(text), new Named(code, line));
        if (earlier != null && !earlier.code().equals(code)) {
            throw new Refusal("catalogue.repeatedName", where, line, key, text, earlier.code(), earlier.line());
        }
    }

    private List<Catalogue.Procedure> procedures(NodeTuple list, List<Catalogue.Entry> fields) {
        Set<String> fieldCodes = new java.util.HashSet<>();
        fields.forEach(f -> fieldCodes.add(f.code()));
        List<Catalogue.Procedure> procedures = new ArrayList<>();
        Map<String, Named> names = new HashMap<>();
        List<Node> items = list(list, "procedures");
        for (int i = 0; i < items.size(); i++) {
            String prefix = "procedures[" + (i + 1) + "].";
            Node item = items.get(i);
            Map<String, NodeTuple> keys = keys(item, PROCEDURE, prefix);
            String field = required(keys, "field", item, prefix);
            if (!fieldCodes.contains(field)) {
                throw new Refusal("catalogue.unknownField", where, line(keys.get("field").getValueNode()), prefix + "field",
                        field);
            }
            if (!keys.containsKey("code") && !keys.containsKey("name")) {
                throw new Refusal("catalogue.missing", where, line(item), prefix + "code / " + prefix + "name");
            }
            String code = keys.containsKey("code") ? TextKey.normal(text(keys.get("code").getValueNode(), prefix + "code")) : null;
            String name = keys.containsKey("name") ? TextKey.normal(text(keys.get("name").getValueNode(), prefix + "name")) : null;
            String id = prefix.substring(0, prefix.length() - 1);
            if (code != null) {
                claim(names, code, id, line(keys.get("code").getValueNode()), prefix + "code");
            }
            if (name != null) {
                claim(names, name, id, line(keys.get("name").getValueNode()), prefix + "name");
            }
            procedures.add(new Catalogue.Procedure(code, name, field));
        }
        return procedures;
    }

    private List<Node> list(NodeTuple tuple, String key) {
        return list(tuple.getValueNode(), key);
    }

    private List<Node> list(Node node, String key) {
        if (node instanceof ScalarNode s && s.getValue().isEmpty()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode s)) {
            throw new Refusal("catalogue.notList", where, line(node), key);
        }
        return s.getValue();
    }

    private String required(Map<String, NodeTuple> keys, String key, Node item, String prefix) {
        NodeTuple t = keys.get(key);
        if (t == null) {
            throw new Refusal("catalogue.missing", where, line(item), prefix + key);
        }
        return text(t.getValueNode(), prefix + key);
    }

    private String text(Node node, String key) {
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw new Refusal("catalogue.notText", where, line(node), key);
        }
        return s.getValue().strip();
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }
}
