package vn.motcua.report.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;

import vn.motcua.report.system.Messages;

/** The one strict reader of the jobs files: every mistake is named with its file, its real line and its key. */
class JobsFileTest {

    /** A file of the shape of a period's: what the tests below bind. */
    record Texts(Document document, List<Figure> figures, @JsonProperty("section-2") String section2, String list,
                 Long perDay) {
    }

    record Document(String number, LocalDate date) {
    }

    record Figure(String procedure, Long dossiers) {
    }

    private static JobsFile<Texts> read(String yaml) {
        return JobsFile.read(yaml.getBytes(StandardCharsets.UTF_8), "jobs/x.yaml", Texts.class, Map.of());
    }

    private static String english(Throwable e) {
        return Messages.of(Locale.ENGLISH).text((ConfigException) e);
    }

    private static String vietnamese(Throwable e) {
        return Messages.of(Messages.VIETNAMESE).text((ConfigException) e);
    }

    @Test
    void valuesKnowTheirLines() {
        JobsFile<Texts> file = read("""
                # a comment
                document:
                  number: 15
                  date: 2021-02-26
                figures:
                  - procedure: CCCD
                    dossiers: 697
                section-2: |
                  - first
                  - second
                per-day:
                """);
        assertThat(file.line("document")).as("a block: its first line").isEqualTo(3);
        assertThat(file.value().document().number()).isEqualTo("15");
        assertThat(file.value().document().date()).isEqualTo(LocalDate.of(2021, 2, 26));
        assertThat(file.line("document.date")).isEqualTo(4);
        assertThat(file.line("figures[1]")).as("a list item: its dash").isEqualTo(6);
        assertThat(file.count(file.value().figures().get(0).dossiers(), "figures[1].dossiers")).isEqualTo(697);
        assertThat(file.line("figures[1].dossiers")).isEqualTo(7);
        assertThat(file.line("figures[1].note")).as("not written: the block's line").isEqualTo(6);
        assertThat(file.line("per-day")).as("an empty value: its key's line").isEqualTo(11);
        assertThat(file.value().section2()).isEqualTo("- first\n- second\n");
    }

    @Test
    void unknownAndRepeatedKeys_nameTheirLine() {
        assertThatThrownBy(() -> read("document:\n  number: 15\n  numbr: 16\n"))
                .satisfies(e -> assertThat(english(e))
                        .isEqualTo("jobs/x.yaml, line 3: unknown key 'document.numbr' (known: date, number)"))
                .satisfies(e -> assertThat(vietnamese(e))
                        .isEqualTo("jobs/x.yaml, dòng 3: không có khóa 'document.numbr' (các khóa có: date, number)"));
        assertThatThrownBy(() -> read("a: 1\nb: 2\na: 3\n"))
                .satisfies(e -> assertThat(english(e)).isEqualTo("jobs/x.yaml, line 3: the key 'a' is given twice (first on line 1)"));
        assertThatThrownBy(() -> read("figures:\n  - procedure: A\n    dossiers: 1\n    procedure: B\n"))
                .satisfies(e -> assertThat(english(e))
                        .isEqualTo("jobs/x.yaml, line 4: the key 'figures[1].procedure' is given twice (first on line 2)"));
        assertThatThrownBy(() -> read("figures:\n  - procedure: A\n    dosiers: 1\n"))
                .satisfies(e -> assertThat(english(e))
                        .isEqualTo("jobs/x.yaml, line 3: unknown key 'figures[1].dosiers' (known: dossiers, procedure)"));
    }

    @Test
    void wrongValues_nameTheirLine() {
        assertThatThrownBy(() -> read("document:\n  date: 26/02/2021\n"))
                .satisfies(e -> assertThat(english(e))
                        .isEqualTo("jobs/x.yaml, line 2: 'document.date' is '26/02/2021': expected a date such as 2021-02-26"));
        assertThatThrownBy(() -> read("document:\n  number: 1\nfigures:\n  - dossiers: many\n"))
                .satisfies(e -> assertThat(english(e)).startsWith("jobs/x.yaml, line 4: 'figures[1].dossiers' is 'many'"));
        assertThatThrownBy(() -> read("document:\n  number: 1\n\n\nlist: [a, b]\n"))
                .satisfies(e -> assertThat(english(e)).isEqualTo("jobs/x.yaml, line 5: 'list' must be a text, not a block or a list"));
        JobsFile<Texts> file = read("document:\n  date: 2021-02-26\n");
        assertThatThrownBy(() -> file.text(file.value().document().number(), "document.number"))
                .satisfies(e -> assertThat(english(e)).isEqualTo("jobs/x.yaml, line 2: 'document.number' is missing"));
    }

    /** Jackson does not turn a wrong kind of value into a right one: no number from 5.5, no date from a count. */
    @Test
    void valuesOfTheWrongKind_areNotCoerced() {
        for (String wrong : new String[] {"5.5", "true", "99999999999999999999"}) {
            assertThatThrownBy(() -> read("figures:\n  - procedure: A\n    dossiers: " + wrong + "\n")).as(wrong)
                    .satisfies(e -> assertThat(english(e)).startsWith("jobs/x.yaml, line 3: 'figures[1].dossiers' is '")
                            .endsWith("': expected a whole number, 0 or more"));
        }
        assertThatThrownBy(() -> read("figures:\n  - procedure: A\n    dossiers: [1]\n"))
                .satisfies(e -> assertThat(english(e))
                        .isEqualTo("jobs/x.yaml, line 3: 'figures[1].dossiers' must be a text, not a block or a list"));
        JobsFile<Texts> negative = read("figures:\n  - procedure: A\n    dossiers: -5\n");
        assertThatThrownBy(() -> negative.count(negative.value().figures().get(0).dossiers(), "figures[1].dossiers"))
                .satisfies(e -> assertThat(english(e))
                        .isEqualTo("jobs/x.yaml, line 3: 'figures[1].dossiers' is '-5': expected a whole number, 0 or more"));
        for (String wrong : new String[] {"18000", "2021-02-26T10:00", "2021-02-30"}) {
            assertThatThrownBy(() -> read("document:\n  date: " + wrong + "\n")).as(wrong)
                    .satisfies(e -> assertThat(english(e))
                            .isEqualTo("jobs/x.yaml, line 2: 'document.date' is '" + wrong + "': expected a date such as 2021-02-26"));
        }
        assertThatThrownBy(() -> read("document: 15\n"))
                .satisfies(e -> assertThat(english(e)).isEqualTo("jobs/x.yaml, line 1: 'document' must be a block of 'key: value' lines"));
        assertThatThrownBy(() -> read("figures:\n  procedure: A\n"))
                .satisfies(e -> assertThat(english(e)).isEqualTo("jobs/x.yaml, line 2: 'figures' must be a list of '- ...' blocks"));
        assertThat(read("document:\n  number: \"07\"\n").value().document().number()).isEqualTo("07");
        assertThat(read("figures:\n  - dossiers: \"12\"\n").value().figures().get(0).dossiers()).isEqualTo(12);
    }

    /** The parser notices some mistakes a line late, or at the end of the file; the message names the line to fix. */
    @Test
    void brokenYaml_namesTheLineToFix_inTheProductsWords() {
        String missingColon = "document:\n  number: 15\n  date 2021-02-26\nsection-2: |\n  text\n";
        assertThatThrownBy(() -> read(missingColon)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(english(e)).startsWith("jobs/x.yaml, line 3: this line cannot be read"))
                .satisfies(e -> assertThat(vietnamese(e)).startsWith("jobs/x.yaml, dòng 3: không đọc được dòng này"));
        String unclosedQuote = "centre:\n  name: \"Trung tâm\n  place: An Hòa\narchive: TT\n";
        assertThatThrownBy(() -> read(unclosedQuote))
                .satisfies(e -> assertThat(english(e)).startsWith("jobs/x.yaml, line 2: "));
        String tab = "centre:\n\tname: X\n";
        assertThatThrownBy(() -> read(tab))
                .satisfies(e -> assertThat(english(e)).startsWith("jobs/x.yaml, line 2: "));
        String badIndent = "centre:\n  name: X\n   place: Y\n";
        assertThatThrownBy(() -> read(badIndent))
                .satisfies(e -> assertThat(english(e)).startsWith("jobs/x.yaml, line 3: "));
        for (String broken : new String[] {missingColon, unclosedQuote, tab, badIndent}) {
            assertThatThrownBy(() -> read(broken)).satisfies(e -> assertThat(english(e))
                    .doesNotContain("snake").doesNotContain("Exception").doesNotContain("mapping values"));
        }
    }

    @Test
    void anEmptyFile_isABlockWithoutKeys_andAListIsNotAFile() {
        assertThat(read("").value()).isEqualTo(new Texts(null, null, null, null, null));
        assertThat(read("# only a comment\n").value()).isEqualTo(new Texts(null, null, null, null, null));
        assertThatThrownBy(() -> read("- a\n- b\n"))
                .satisfies(e -> assertThat(english(e)).startsWith("jobs/x.yaml is empty or not a set of 'key: value' lines"));
    }
}
