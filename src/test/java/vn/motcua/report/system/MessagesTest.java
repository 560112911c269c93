package vn.motcua.report.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One message source, two languages: the same keys, valid patterns, every key the code names exists, and
 * every key is used by the code.
 */
class MessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguages_haveTheSameKeys_andEveryTextIsAValidPattern() throws IOException {
        Properties vi = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(vi.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (Properties p : List.of(vi, en)) {
            for (String key : p.stringPropertyNames()) {
                if (!key.startsWith("help.")) {
                    new MessageFormat(p.getProperty(key));   // throws on a broken pattern
                }
            }
        }
    }

    @Test
    void vietnamese_isTheDefault_whateverTheMachinesLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(Messages.of(Messages.VIETNAMESE).text("table.total-row")).isEqualTo("Tổng cộng");
            assertThat(Messages.of(Locale.ENGLISH).text("table.total-row")).isEqualTo("TOTAL");
            assertThat(Messages.of(Messages.VIETNAMESE).text("cli.unknown-command", "x")).isEqualTo("không có lệnh 'x'");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aRefusal_isWordedWithItsArguments_andARefusalInsideOneToo() {
        Refusal inner = new Refusal("period.no-such-month", "2021-13", "13");
        assertThat(Messages.of(Locale.ENGLISH).text(new Refusal("cli.option-value-refused", "--period", inner)))
                .isEqualTo("--period: period '2021-13' has no month 13: months are 01..12");
        assertThat(inner.getMessage()).as("the log's English").isEqualTo("period '2021-13' has no month 13: months are 01..12");
    }

    /**
     * Every key of the files is used by the main code: its literal text is in a source ("cli.run.start"), or it
     * starts with a prefix the code completes at run time, a literal ending in a dot ("table.column." + c,
     * refuseUnfinished(p, "report.unfinished."), the help texts' bundle("help.")).
     */
    @Test
    void everyKeyOfTheFiles_isUsedByTheCode() throws IOException {
        StringBuilder code = new StringBuilder();
        for (Path source : mainSources()) {
            code.append(Files.readString(source)).append('\n');
        }
        assertThat(unused(load("messages.properties").stringPropertyNames(), code.toString()))
                .as("keys no source under src/main uses").isEmpty();
    }

    @Test
    void aKeyNoCodeUses_isFound_andOneTheCodeCompletesIsNot() {
        String code = "say(\"cli.run.start\", p); text(\"table.column.\" + c.header()); lock(\"report.unfinished.\");";
        assertThat(unused(Set.of("cli.run.start", "table.column.late", "report.unfinished.failed", "cli.run.gone",
                "table.columns", "cli.run"), code)).containsExactlyInAnyOrder("cli.run.gone", "table.columns", "cli.run");
    }

    /** The keys whose literal is not in the code and that start with no prefix literal of the code. */
    private static Set<String> unused(Set<String> keys, String code) {
        Set<String> prefixes = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-zA-Z0-9-]+)*\\.)\"").matcher(code);
        while (m.find()) {
            prefixes.add(m.group(1));
        }
        Set<String> unused = new java.util.TreeSet<>();
        for (String key : keys) {
            if (!code.contains("\"" + key + "\"") && prefixes.stream().noneMatch(key::startsWith)) {
                unused.add(key);
            }
        }
        return unused;
    }

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** Every literal key the main code passes ("cli.run.start") is in the files. */
    @Test
    void everyKeyTheCodeNames_exists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Pattern literal = Pattern.compile("\"((?:cli|config|fault|period|import|report|revision|signoff|table)\\.[a-z0-9.-]+[a-z0-9])\"");
        Set<String> missing = new LinkedHashSet<>();
        for (Path source : mainSources()) {
            Matcher m = literal.matcher(Files.readString(source));
            while (m.find()) {
                // "report.yaml" and the like are file names, not keys.
                if (!keys.contains(m.group(1)) && !m.group(1).matches(".*\\.(yaml|csv|pdf|xlsx)")) {
                    missing.add(m.group(1) + " (" + source.getFileName() + ")");
                }
            }
        }
        // Refusals of an unfinished run, keyed by prefix (ReportService.refuseUnfinished).
        for (String prefix : new String[] {"report.unfinished.", "report.rerun.unfinished."}) {
            for (String what : new String[] {"failed", "interrupted", "execution"}) {
                if (!keys.contains(prefix + what)) {
                    missing.add(prefix + what + " (ReportService.java)");
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
