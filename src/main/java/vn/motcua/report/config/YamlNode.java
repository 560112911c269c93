package vn.motcua.report.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * One value of a jobs/*.yaml file with the line it is written on: a block of {@code key: value} lines, a
 * list, or a text. The one strict reader of every jobs file: each accessor refuses what the file should
 * not hold (an unknown or repeated key, a missing value, text where a date is expected) with the file,
 * the line and the key, in the product's words (config.* keys of messages.properties).
 */
public final class YamlNode {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private final String file;
    private final String path;
    private final int line;
    /** Map of YamlNode (a block), List of YamlNode, String, or null (an empty value). */
    private final Object value;

    private YamlNode(String file, String path, int line, Object value) {
        this.file = file;
        this.path = path;
        this.line = line;
        this.value = value;
    }

    /** Reads a whole file; {@code file} names it in messages. An empty file is an empty block. */
    public static YamlNode read(Path path, String file) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, file);
        } catch (IOException e) {
            throw new ConfigException(e, "config.unreadable", file);
        }
    }

    public static YamlNode read(InputStream in, String file) {
        try (JsonParser parser = YAML.createParser(ObjectReadContext.empty(), in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode(file, "", 1, Map.of());
            }
            YamlNode root = node(parser, file, "");
            if (!(root.value instanceof Map)) {
                throw new ConfigException("config.file-not-a-block", file, root.line);
            }
            return root;
        } catch (JacksonException e) {
            throw new ConfigException(e, "config.syntax", file, lineOf(e));
        }
    }

    /** The line a YAML mistake is on: where the construct that went wrong begins, as a person reads it. */
    private static int lineOf(JacksonException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException marked) {
                // "could not find expected ':'" is noticed a line later; the context mark is the key's own line.
                Optional<Mark> mark = marked.getContextMark().isPresent() ? marked.getContextMark() : marked.getProblemMark();
                if (mark.isPresent()) {
                    return mark.get().getLine() + 1;
                }
            }
        }
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static YamlNode node(JsonParser p, String file, String path) {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlNode> block = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                String child = path.isEmpty() ? key : path + "." + key;
                if (block.containsKey(key)) {
                    throw new ConfigException("config.repeated-key", file, keyLine, child, block.get(key).line);
                }
                p.nextToken();
                YamlNode value = node(p, file, child);
                // An empty value ("key:") sits on its key's line.
                block.put(key, value.value == null ? new YamlNode(file, child, keyLine, null) : value);
            }
            return new YamlNode(file, path, line, Collections.unmodifiableMap(block));
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(p, file, path + "[" + (items.size() + 1) + "]"));
            }
            return new YamlNode(file, path, line, List.copyOf(items));
        }
        if (token == JsonToken.VALUE_NULL) {
            return new YamlNode(file, path, line, null);
        }
        return new YamlNode(file, path, line, p.getString());
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** The key's full name in the file, e.g. {@code figures[1].from}. */
    public String path() {
        return path;
    }

    public boolean isEmpty() {
        return value == null;
    }

    /** This block, refusing any key but the given ones. */
    public YamlNode only(String... keys) {
        List<String> known = Arrays.asList(keys);
        for (YamlNode child : block().values()) {
            String key = child.path.substring(child.path.lastIndexOf('.') + 1);
            if (!known.contains(key)) {
                throw new ConfigException("config.unknown-key", file, child.line, child.path,
                        String.join(", ", new TreeSet<>(known)));
            }
        }
        return this;
    }

    /** The value of a key of this block, absent when the key is not written or left empty. */
    public Optional<YamlNode> get(String key) {
        YamlNode child = block().get(key);
        return child == null || child.value == null ? Optional.empty() : Optional.of(child);
    }

    public YamlNode required(String key) {
        return get(key).orElseThrow(() -> new ConfigException("config.missing-key", file, line,
                path.isEmpty() ? key : path + "." + key));
    }

    /** The keys of this block and their values, in file order. */
    @SuppressWarnings("unchecked")
    public Map<String, YamlNode> block() {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, YamlNode>) m;
        }
        throw new ConfigException("config.not-a-block", file, line, path);
    }

    @SuppressWarnings("unchecked")
    public List<YamlNode> list() {
        if (value instanceof List<?> l) {
            return (List<YamlNode>) l;
        }
        throw new ConfigException("config.not-a-list", file, line, path);
    }

    /** A text of one or more characters, trimmed. */
    public String text() {
        if (value instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        throw new ConfigException(value == null || value instanceof String ? "config.missing-key" : "config.not-text",
                file, line, path);
    }

    /** A text that may span lines ({@code key: |} and indented lines), as written. */
    public String multiline() {
        if (value instanceof String s) {
            return s;
        }
        throw refuse("config.not-a-text-block");
    }

    /** Names given as a list ({@code [a, b]} or {@code - a} lines) or as one text; none may be blank. */
    public List<String> names() {
        List<YamlNode> items = value instanceof List<?> ? list() : List.of(this);
        List<String> names = new ArrayList<>();
        for (YamlNode item : items) {
            if (!(item.value instanceof String s) || s.isBlank()) {
                throw new ConfigException("config.empty-name", file, item.line, path);
            }
            names.add(s.strip());
        }
        return List.copyOf(names);
    }

    /** A list of texts, one per {@code - ...} line, at least one. */
    public List<String> lines() {
        List<YamlNode> items = value instanceof List<?> ? list() : List.of();
        if (items.isEmpty()) {
            throw new ConfigException("config.not-lines", file, line, path);
        }
        List<String> texts = new ArrayList<>();
        for (YamlNode item : items) {
            if (!(item.value instanceof String s) || s.isBlank()) {
                throw new ConfigException("config.not-lines", file, item.line, path);
            }
            texts.add(s.strip());
        }
        return List.copyOf(texts);
    }

    /** A date written as 2021-02-26. */
    public LocalDate date() {
        String text = text();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigException("config.not-a-date", file, line, path, text);
        }
    }

    /** A whole number, 0 or more. */
    public long count() {
        String text = value instanceof String s ? s.strip() : "";
        try {
            long n = Long.parseLong(text);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ConfigException("config.not-a-count", file, line, path, text);
    }

    /** A refusal about this value, with its file, line and key before the key's own arguments. */
    public ConfigException refuse(String key, Object... arguments) {
        Object[] all = new Object[arguments.length + 3];
        all[0] = file;
        all[1] = line;
        all[2] = path;
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        return new ConfigException(key, all);
    }
}
