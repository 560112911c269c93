package vn.motcua.report.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import vn.motcua.report.system.Messages;

/** The one strict reader of the jobs files: every mistake is named with its file, its real line and its key. */
class YamlNodeTest {

    private static YamlNode read(String yaml) {
        return YamlNode.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "jobs/x.yaml");
    }

    private static String english(Throwable e) {
        return Messages.of(Locale.ENGLISH).text((ConfigException) e);
    }

    private static String vietnamese(Throwable e) {
        return Messages.of(Messages.VIETNAMESE).text((ConfigException) e);
    }

    @Test
    void valuesKnowTheirLines() {
        YamlNode root = read("""
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
                """);
        YamlNode document = root.only("document", "figures", "section-2").required("document");
        assertThat(document.line()).isEqualTo(3);
        assertThat(document.required("number").text()).isEqualTo("15");
        assertThat(document.required("date").line()).isEqualTo(4);
        assertThat(root.required("figures").list().get(0).required("dossiers").count()).isEqualTo(697);
        assertThat(root.required("figures").list().get(0).required("dossiers").path()).isEqualTo("figures[1].dossiers");
        assertThat(root.required("section-2").multiline()).isEqualTo("- first\n- second\n");
    }

    @Test
    void unknownAndRepeatedKeys_nameTheirLine() {
        YamlNode root = read("document:\n  number: 15\n  numbr: 16\n");
        assertThatThrownBy(() -> root.required("document").only("number", "date"))
                .satisfies(e -> assertThat(english(e))
                        .isEqualTo("jobs/x.yaml, line 3: unknown key 'document.numbr' (known: date, number)"))
                .satisfies(e -> assertThat(vietnamese(e))
                        .isEqualTo("jobs/x.yaml, dòng 3: không có khóa 'document.numbr' (các khóa có: date, number)"));
        assertThatThrownBy(() -> read("a: 1\nb: 2\na: 3\n"))
                .satisfies(e -> assertThat(english(e)).isEqualTo("jobs/x.yaml, line 3: the key 'a' is given twice (first on line 1)"));
    }

    @Test
    void wrongValues_nameTheirLine() {
        YamlNode root = read("document:\n  date: 26/02/2021\nfigures:\n  - dossiers: many\nlist: [a, b]\n");
        assertThatThrownBy(() -> root.required("document").required("date").date())
                .satisfies(e -> assertThat(english(e))
                        .isEqualTo("jobs/x.yaml, line 2: 'document.date' is '26/02/2021': expected a date such as 2021-02-26"));
        assertThatThrownBy(() -> root.required("figures").list().get(0).required("dossiers").count())
                .satisfies(e -> assertThat(english(e)).startsWith("jobs/x.yaml, line 4: 'figures[1].dossiers' is 'many'"));
        assertThatThrownBy(() -> root.required("list").text())
                .satisfies(e -> assertThat(english(e)).isEqualTo("jobs/x.yaml, line 5: 'list' must be a text, not a block or a list"));
        assertThatThrownBy(() -> root.required("document").required("number"))
                .satisfies(e -> assertThat(english(e)).isEqualTo("jobs/x.yaml, line 2: 'document.number' is missing"));
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
    void anEmptyFile_isAnEmptyBlock_andAListIsNotAFile() {
        assertThat(read("").block()).isEmpty();
        assertThat(read("# only a comment\n").block()).isEmpty();
        assertThatThrownBy(() -> read("- a\n- b\n"))
                .satisfies(e -> assertThat(english(e)).startsWith("jobs/x.yaml is empty or not a set of 'key: value' lines"));
    }
}
