package vn.motcua.report.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** One message source, two languages: the same keys, valid patterns, and every key the code names exists. */
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

    /** Every literal key the main code passes ("cli.run.start") is in the files. */
    @Test
    void everyKeyTheCodeNames_exists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Pattern literal = Pattern.compile("\"((?:cli|config|period|import|report|revision|signoff|table)\\.[a-z0-9.-]+[a-z0-9])\"");
        Set<String> missing = new LinkedHashSet<>();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
        }
        for (Path source : sources) {
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
