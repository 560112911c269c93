package vn.motcua.report.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import vn.motcua.report.config.JobsFile;
import vn.motcua.report.system.Refusal;

/** jobs/catalogue.yaml is strict: each mistake is refused with the file, the key and the line, in Vietnamese. */
class CatalogueFileTest {

    private static final String WHERE = "jobs/catalogue.yaml";

    @Test
    void theShippedFile_holdsTheSeeds18Fields_inTheirOrder_andTheDemoDistrictsUnits() throws IOException {
        Catalogue c = parse(Files.readString(Path.of("jobs/catalogue.yaml")));
        assertThat(c.fields()).hasSize(18);
        assertThat(c.fields().get(0)).isEqualTo(new Catalogue.Entry("chung-thuc", "Chứng thực", java.util.List.of()));
        assertThat(c.fields().get(1).code()).isEqualTo("dat-dai");
        assertThat(c.fields().get(17)).isEqualTo(new Catalogue.Entry("lien-thong-dkkd-hkd-htx",
                "TTHC liên thông Đăng ký Hộ kinh doanh, HTX và Đăng ký mã số thuế", java.util.List.of()));
        assertThat(c.units()).hasSize(10).first().isEqualTo(new Catalogue.Entry("tnmt", "Phòng Tài nguyên và Môi trường",
                java.util.List.of("Phòng TN-MT", "Phòng TNMT")));
        assertThat(c.procedures()).isEmpty();
    }

    @Test
    void fieldsUnitsAndProcedures_withAliases_inFlowOrBlockLists() {
        Catalogue c = parse("""
                fields:
                  - code: dat-dai
                    name: "  Đất   đai "
                    aliases: [Đất đai - Nhà ở, Địa chính]
                  - code: ho-tich
                    name: Hộ tịch
                    aliases:
                      - Tư pháp - Hộ tịch
                units:
                  - code: tnmt
                    name: Phòng Tài nguyên và Môi trường
                    aliases: [Phòng TN-MT]
                procedures:
                  - code: 1.004227.000.00.00.H12
                    field: dat-dai
                  - name: Đăng ký khai sinh
                    field: ho-tich
                """);
        assertThat(c.fields()).extracting(Catalogue.Entry::name).containsExactly("Đất đai", "Hộ tịch");
        assertThat(c.fields().get(0).aliases()).containsExactly("Đất đai - Nhà ở", "Địa chính");
        assertThat(c.fields().get(1).aliases()).containsExactly("Tư pháp - Hộ tịch");
        assertThat(c.units()).singleElement().isEqualTo(new Catalogue.Entry("tnmt", "Phòng Tài nguyên và Môi trường",
                java.util.List.of("Phòng TN-MT")));
        assertThat(c.procedures()).containsExactly(new Catalogue.Procedure("1.004227.000.00.00.H12", null, "dat-dai"),
                new Catalogue.Procedure(null, "Đăng ký khai sinh", "ho-tich"));
    }

    @Test
    void anUnknownKey_isRefused_withItsLine_andTheKnownKeys() {
        Refusal r = refused("""
                fields:
                  - code: dat-dai
                    name: Đất đai
                  - code: ho-tich
                    nam: Hộ tịch
                """);
        assertThat(r.key()).isEqualTo("config.unknown-key");
        assertThat(message(r)).isEqualTo(
                "jobs/catalogue.yaml, dòng 5: không có khóa 'fields[2].nam' (các khóa có: aliases, code, name)");
        assertThat(refused("field:\n  - code: a\n    name: A\n").key()).isEqualTo("config.unknown-key");
    }

    @Test
    void aRepeatedCode_orKey_isRefused_namingBothLines() {
        Refusal r = refused("""
                fields:
                  - code: dat-dai
                    name: Đất đai
                  - code: dat-dai
                    name: Nhà ở
                """);
        assertThat(message(r)).isEqualTo("jobs/catalogue.yaml, dòng 4: fields[2].code 'dat-dai' đã dùng ở dòng 2.");
        Refusal key = refused("fields:\n  - code: a\n    name: A\n    name: B\n");
        assertThat(message(key)).isEqualTo("jobs/catalogue.yaml, dòng 4: khóa 'fields[1].name' được ghi hai lần (lần đầu ở dòng 3)");
    }

    @Test
    void anAliasThatIsAnotherEntrysName_whateverItsCaseSpacingOrUnicodeForm_isRefused() {
        String nfd = Normalizer.normalize("HỘ  TỊCH", Normalizer.Form.NFD);
        Refusal r = refused("""
                fields:
                  - code: ho-tich
                    name: Hộ tịch
                  - code: tu-phap
                    name: Tư pháp
                    aliases: [Chứng thực, "%s"]
                """.formatted(nfd));
        assertThat(r.key()).isEqualTo("catalogue.repeatedName");
        assertThat(message(r)).startsWith("jobs/catalogue.yaml, dòng 6: fields[2].aliases '")
                .endsWith("' đã là mã, tên hoặc tên khác của 'ho-tich' (dòng 3); mỗi cách viết chỉ được chỉ một mục.");
        // The same alias under two units is refused too.
        Refusal units = refused("""
                fields:
                  - code: a
                    name: A
                units:
                  - code: tnmt
                    name: Phòng Tài nguyên và Môi trường
                    aliases: [Phòng TN-MT]
                  - code: kt
                    name: Phòng Kinh tế
                    aliases: [phòng tn-mt]
                """);
        assertThat(message(units)).isEqualTo("jobs/catalogue.yaml, dòng 10: units[2].aliases 'phòng tn-mt' đã là mã, "
                + "tên hoặc tên khác của 'tnmt' (dòng 7); mỗi cách viết chỉ được chỉ một mục.");
    }

    @Test
    void badCodes_missingNames_wrongShapes_andBrokenYaml_areRefused_withTheRealLine() {
        assertThat(message(refused("fields:\n  - code: Đất đai\n    name: Đất đai\n")))
                .isEqualTo("jobs/catalogue.yaml, dòng 2: fields[1].code 'Đất đai' chỉ được gồm chữ thường không dấu, "
                        + "chữ số và dấu gạch ngang (ví dụ dat-dai).");
        assertThat(message(refused("fields:\n  - code: a\n    name: A\n  - code: b\n")))
                .isEqualTo("jobs/catalogue.yaml, dòng 4: thiếu 'fields[2].name'");
        assertThat(refused("fields: dat-dai\n").key()).isEqualTo("config.not-a-list");
        assertThat(refused("fields: []\n").key()).isEqualTo("catalogue.noFields");
        assertThat(refused("").key()).isEqualTo("config.missing-key");
        assertThat(refused("units: []\n").key()).isEqualTo("config.missing-key");
        assertThat(message(refused("fields:\n  - code: a\n    name: A\nprocedures:\n  - name: X\n    field: b\n")))
                .isEqualTo("jobs/catalogue.yaml, dòng 6: procedures[1].field 'b' không phải mã của lĩnh vực nào trong 'fields'.");
        // An unclosed quote on line 3: the product's sentence with that line, not the parser's text.
        Refusal broken = refused("fields:\n  - code: a\n    name: \"A\n  - code: b\n    name: B\n");
        assertThat(broken.key()).isEqualTo("config.syntax");
        assertThat(message(broken)).startsWith("jobs/catalogue.yaml, dòng ").doesNotContain("Exception")
                .contains("không đọc được dòng này");
        Refusal indent = refused("fields:\n  - code: a\n    name: A\n   aliases: [x]\n");
        assertThat(message(indent)).as("the block the misindented line breaks").matches("jobs/catalogue.yaml, dòng [2-4]: .*");
    }

    @Test
    void missingKeys_repeatedKeys_andValuesOfTheWrongKind_nameTheirLineAndKeyPath() {
        assertThat(message(refused("fields:\n  - code: a\n    name: A\n  - name: B\n")))
                .isEqualTo("jobs/catalogue.yaml, dòng 4: thiếu 'fields[2].code'");
        assertThat(message(refused("fields:\n  - code: a\n    name: A\nfields: []\n")))
                .isEqualTo("jobs/catalogue.yaml, dòng 4: khóa 'fields' được ghi hai lần (lần đầu ở dòng 1)");
        assertThat(message(refused("fields:\n  - code: [a]\n    name: A\n")))
                .isEqualTo("jobs/catalogue.yaml, dòng 2: 'fields[1].code' phải là văn bản, không phải khối hay danh sách");
        assertThat(message(refused("fields:\n  - code: a\n    name: A\n    aliases: {x: y}\n")))
                .isEqualTo("jobs/catalogue.yaml, dòng 4: 'fields[1].aliases' phải là danh sách các dòng '- ...', mỗi dòng một văn bản");
        assertThat(message(refused("fields:\n  - code: a\n    name: A\nunits:\n  code: u\n")))
                .isEqualTo("jobs/catalogue.yaml, dòng 5: 'units' phải là một danh sách các khối '- ...'");
        assertThat(message(refused("fields:\n  - code: a\n    name: A\n    aliases: [x, \"  \"]\n")))
                .isEqualTo("jobs/catalogue.yaml, dòng 4: 'fields[1].aliases' có một tên trống");
        assertThat(message(refused("fields:\n  -\n  - code: a\n    name: A\n")))
                .isEqualTo("jobs/catalogue.yaml, dòng 2: 'fields[1]' phải là một khối các dòng 'khóa: giá trị'");
    }

    /** The refusal as the command line words it: messages.properties, Vietnamese. */
    private static String message(Refusal r) {
        java.util.ResourceBundle bundle = java.util.ResourceBundle.getBundle("messages", java.util.Locale.ROOT);
        return new java.text.MessageFormat(bundle.getString(r.key()), java.util.Locale.forLanguageTag("vi"))
                .format(r.arguments());
    }

    private static Catalogue parse(String yaml) {
        return CatalogueFile.read(JobsFile.read(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), WHERE,
                CatalogueFile.Written.class, java.util.Map.of()));
    }

    private static Refusal refused(String yaml) {
        Refusal r = catchThrowableOfType(Refusal.class, () -> parse(yaml));
        assertThat(r).as("refused:\n%s", yaml).isNotNull();
        return r;
    }
}
