package vn.motcua.report.config;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

import com.fasterxml.jackson.annotation.JsonFormat;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.JacksonYAMLParseException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One jobs/*.yaml file bound by Jackson to the record {@code T} that says what the file may hold, strictly: an
 * unknown or repeated key, a value of the wrong kind (a list where a text goes, "many" where a number goes, a
 * date written 26/02/2021) and broken YAML are refused, in the product's words ({@code config.*} messages) with
 * the file, the line and the key; Jackson's own text goes to the log only (the refusal's cause). What binding
 * cannot say (a missing or blank value, a code used twice) the reader of each file checks on the record, with
 * {@link #text}, {@link #required}, {@link #refuse} and the others, which name the line the same way.
 * <p>
 * Keys are written in kebab case ({@code per-day} binds {@code perDay}). Lines are those of the file as a
 * person reads it: a key's own line, a block's first line, a list item's dash.
 */
public final class JobsFile<T> {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // 5.5 is not a count; 18000 and 2021-02-26T10:00 are not dates.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withConfigOverride(LocalDate.class, o -> o.setFormat(JsonFormat.Value.forLeniency(false)))
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .build();

    private final String file;
    private final Written written;
    private final T value;

    private JobsFile(String file, Written written, T value) {
        this.file = file;
        this.written = written;
        this.value = value;
    }

    /**
     * Binds {@code content}, the whole file; an empty file (or one of comments only) binds as a block without keys.
     *
     * @param file       names the file in messages
     * @param wrongShape the message of a key whose value has the wrong kind, when it says more than the usual
     *                   one (key paths without list indexes: {@code recipients}, not {@code recipients[2]})
     * @throws ConfigException naming the file, the line and the key
     */
    public static <T> JobsFile<T> read(byte[] content, String file, Class<T> type, Map<String, String> wrongShape) {
        Written written = Written.of(content, file);
        try {
            T value = written.isEmpty() ? MAPPER.readValue("{}", type) : MAPPER.readValue(content, type);
            return new JobsFile<>(file, written, value);
        } catch (UnrecognizedPropertyException e) {
            String path = path(e.getPath());
            Collection<Object> known = e.getKnownPropertyIds() == null ? List.of() : e.getKnownPropertyIds();
            throw new ConfigException(e, "config.unknown-key", file, written.keyLine(path), path,
                    knownKeys(known.stream().map(String::valueOf).toList()));
        } catch (MismatchedInputException | InputCoercionException e) {
            String path = path(e.getPath());
            if (path.isEmpty()) {
                throw new ConfigException(e, "config.syntax", file, e.getLocation() == null ? 1 : e.getLocation().getLineNr());
            }
            String listed = withoutIndexes(path);
            String key = wrongShape.get(listed);
            if (key == null) {
                key = wrongKind(e instanceof MismatchedInputException m ? m.getTargetType()
                        : ((InputCoercionException) e).getTargetType(), written.isText(path));
            }
            throw new ConfigException(e, key, file, written.line(path), wrongShape.containsKey(listed) ? listed : path,
                    written.text(path));
        }
    }

    /** The record the file binds to. */
    public T value() {
        return value;
    }

    /** The file as messages name it. */
    public String file() {
        return file;
    }

    /**
     * The line of a key path ({@code figures[1].from}): its value's first line, else the key's own line (an
     * empty value), else, for a key not written, the line of the block that lacks it.
     */
    public int line(String path) {
        return written.line(path);
    }

    /** A refusal about the value at {@code path}: the file, its line and the path come before the key's own arguments. */
    public ConfigException refuse(String path, String key, Object... arguments) {
        Object[] all = new Object[arguments.length + 3];
        all[0] = file;
        all[1] = line(path);
        all[2] = path;
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        return new ConfigException(key, all);
    }

    /** A key the file may not hold (a map's keys are checked after binding), with the keys it may. */
    public ConfigException unknownKey(String path, Collection<String> known) {
        return new ConfigException("config.unknown-key", file, written.keyLine(path), path, knownKeys(known));
    }

    /** A value that must be written: a block, a list, a date. */
    public <V> V required(V value, String path) {
        if (value == null) {
            throw refuse(path, "config.missing-key");
        }
        return value;
    }

    /** A list item that must be a block of {@code key: value} lines (a lone dash is not). */
    public <V> V block(V value, String path) {
        if (value == null) {
            throw refuse(path, "config.not-a-block");
        }
        return value;
    }

    /** A text that must be written, not blank; without its surrounding spaces. */
    public String text(String value, String path) {
        if (value == null || value.isBlank()) {
            throw refuse(path, "config.missing-key");
        }
        return value.strip();
    }

    /** A text that may be left out (null then); written, it must not be blank. */
    public String optionalText(String value, String path) {
        return value == null ? null : text(value, path);
    }

    /** A whole number, 0 or more, that must be written. */
    public long count(Long value, String path) {
        long n = required(value, path);
        if (n < 0) {
            throw refuse(path, "config.not-a-count", written.text(path));
        }
        return n;
    }

    /** A whole number, 0 or more, that may be left out (null then). */
    public Long optionalCount(Long value, String path) {
        return value == null ? null : count(value, path);
    }

    /** Names written as one text or a list ({@link NameList}), none blank, stripped; none when not written. */
    public List<String> names(List<String> names, String path) {
        if (names == null) {
            return List.of();
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null || names.get(i).isBlank()) {
                throw new ConfigException("config.empty-name", file, line(path + "[" + (i + 1) + "]"), path);
            }
        }
        return names.stream().map(String::strip).toList();
    }

    /** A list of texts, one per {@code - ...} line, at least one, none blank. */
    public List<String> lines(List<String> lines, String path) {
        if (required(lines, path).isEmpty()) {
            throw refuse(path, "config.not-lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) == null || lines.get(i).isBlank()) {
                throw new ConfigException("config.not-lines", file, line(path + "[" + (i + 1) + "]"), path);
            }
        }
        return lines.stream().map(String::strip).toList();
    }

    private static String knownKeys(Collection<String> known) {
        return String.join(", ", new TreeSet<>(known));
    }

    /** The message of a value Jackson could not bind to the type the record declares. */
    private static String wrongKind(Class<?> target, boolean writtenAsText) {
        if (target == null) {
            return "config.syntax";
        }
        if (NameList.class.isAssignableFrom(target)) {
            return "config.not-lines";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "config.not-a-list";
        }
        if (target.isRecord() || Map.class.isAssignableFrom(target)) {
            return "config.not-a-block";
        }
        if (!writtenAsText || target == String.class) {
            return "config.not-text";
        }
        return target == LocalDate.class ? "config.not-a-date" : "config.not-a-count";
    }

    /** Jackson's path of a binding mistake as the messages write it: {@code figures[1].dossiers}. */
    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : references) {
            if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex() + 1).append(']');
            } else if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            }
        }
        return path.toString();
    }

    /** The path of what the parser is at: the current key of a block, the current item of a list. */
    private static String path(TokenStreamContext at) {
        if (at == null || at.inRoot()) {
            return "";
        }
        String container = path(at.getParent());
        if (at.inArray()) {
            return container + "[" + (at.getCurrentIndex() + 1) + "]";
        }
        return container.isEmpty() ? at.currentName() : container + "." + at.currentName();
    }

    private static String withoutIndexes(String path) {
        return path.replaceAll("\\[\\d+]", "");
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /**
     * Where each key and value is written, and the text of each scalar: read from Jackson's YAML parser before
     * binding, which also refuses broken YAML and, with strict duplicate detection, a key given twice.
     */
    private record Written(String file, Map<String, Integer> keyLines, Map<String, Integer> valueLines,
                           Map<String, String> texts) {

        static Written of(byte[] content, String file) {
            Written written = new Written(file, new HashMap<>(), new HashMap<>(), new HashMap<>());
            try (JsonParser p = MAPPER.createParser(content)) {
                JsonToken token = p.nextToken();
                if (token == null) {
                    return written;
                }
                if (token != JsonToken.START_OBJECT) {
                    throw new ConfigException("config.file-not-a-block", file, p.currentTokenLocation().getLineNr());
                }
                for (; token != null; token = next(p, written)) {
                    int line = p.currentTokenLocation().getLineNr();
                    TokenStreamContext at = p.streamReadContext();
                    if (token == JsonToken.PROPERTY_NAME) {
                        written.keyLines.put(path(at), line);
                    } else if (token.isStructStart()) {
                        written.valueLines.put(path(at.getParent()), line);
                    } else if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                        written.valueLines.put(path(at), line);
                        written.texts.put(path(at), p.getString());
                    }
                }
            } catch (JacksonException e) {
                throw new ConfigException(e, "config.syntax", file, lineOf(e));
            }
            return written;
        }

        /** The next token; a key given twice is refused with both its lines. */
        private static JsonToken next(JsonParser p, Written written) {
            try {
                return p.nextToken();
            } catch (StreamReadException e) {
                // Strict duplicate detection has set the repeated key as the block's current one.
                String path = path(p.streamReadContext());
                Integer first = written.keyLines.get(path);
                if (first == null || e instanceof JacksonYAMLParseException) {
                    throw e;
                }
                throw new ConfigException(e, "config.repeated-key", written.file, lineOf(e), path, first);
            }
        }

        boolean isEmpty() {
            return valueLines.isEmpty();
        }

        int line(String path) {
            for (String p = path; ; p = parent(p)) {
                Integer line = Optional.ofNullable(valueLines.get(p)).orElse(keyLines.get(p));
                if (line != null) {
                    return line;
                }
                if (p.isEmpty()) {
                    return 1;
                }
            }
        }

        int keyLine(String path) {
            Integer line = keyLines.get(path);
            return line != null ? line : line(path);
        }

        /** Whether the value at the path is written as a text (a number is too), not as a block or a list. */
        boolean isText(String path) {
            return texts.containsKey(path);
        }

        /** The value written at the path, as written; empty for a block, a list or nothing. */
        String text(String path) {
            return texts.getOrDefault(path, "");
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
        return e.getLocation() == null ? 1 : e.getLocation().getLineNr();
    }
}
