package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** messages.properties (Vietnamese) and messages_en.properties say the same things: every key in both. */
class MessagesTest {

    private static final Pattern REFUSAL_KEY = Pattern.compile("Exception\\(\"((?:report|revision)\\.[a-z.-]+)\"");

    @Test
    void bothLanguages_haveTheSameKeys_andEveryKeyTheReportRoomsRaise() throws IOException {
        Properties vi = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(vi.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        Set<String> raised = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                try {
                    Matcher m = REFUSAL_KEY.matcher(Files.readString(f));
                    while (m.find()) {
                        raised.add(m.group(1));
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        // Refusals of an unfinished run, keyed by prefix (ReportService.refuseUnfinished).
        for (String prefix : new String[] {"report.unfinished.", "report.rerun.unfinished."}) {
            for (String what : new String[] {"failed", "interrupted", "execution"}) {
                raised.add(prefix + what);
            }
        }
        assertThat(raised).hasSizeGreaterThan(10);
        assertThat(vi.stringPropertyNames()).containsAll(raised);
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
