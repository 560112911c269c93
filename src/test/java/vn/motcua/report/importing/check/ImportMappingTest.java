package vn.motcua.report.importing.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.config.ConfigException;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.importing.source.Row;
import vn.motcua.report.importing.source.Names;

/** jobs/import-mapping.yaml: a centre's own headings and labels, without code; strict about what it says. */
class ImportMappingTest {

    @TempDir
    Path jobs;

    private static final Map<String, String> CATALOGUE = new LinkedHashMap<>(Map.of(
            "dat-dai", "Đất đai", "ho-tich", "Hộ tịch"));

    private ImportMapping load(String yaml) throws IOException {
        Files.writeString(jobs.resolve(ImportMapping.FILE), yaml);
        return ImportMapping.load(new JobsFolder(jobs), CATALOGUE.keySet());
    }

    @Test
    void noFile_meansTheBuiltInHeadingsAndLabels() {
        ImportMapping mapping = ImportMapping.load(new JobsFolder(jobs), CATALOGUE.keySet());
        assertThat(mapping.headings("dossiers")).containsEntry("ngày tiếp nhận", "received_at")
                .containsEntry("received_at", "received_at").doesNotContainKey("ngày nhận hồ sơ");
    }

    @Test
    void aCentresOwnHeadingsAndLabels_areUnderstood() throws IOException {
        ImportMapping mapping = load("""
                headings:
                  dossiers:
                    received_at: [Ngày nhận hồ sơ]
                    code: Số hồ sơ
                labels:
                  channel:
                    online: [Nộp qua mạng]
                  field:
                    dat-dai: [Đất đai - Nhà ở]
                """);
        DossierCheck kind = new DossierCheck(CATALOGUE, java.util.Map.of(), java.util.Map.of(), mapping, new Dates(java.util.Map.of()));
        assertThat(kind.headings().get(Names.key("Số hồ sơ"))).isEqualTo("code");
        assertThat(kind.headings().get(Names.key("NGÀY NHẬN HỒ SƠ"))).isEqualTo("received_at");
        CheckedRow row = kind.check(new Row(2, Map.of("code", "S1", "field", "Đất đai - nhà ở", "channel", "nộp qua mạng",
                "received_at", "03/02/2021"), Map.of("code", "Số hồ sơ", "received_at", "NGÀY NHẬN HỒ SƠ")));
        assertThat(row.rejects()).isEmpty();
        assertThat(row.values()[1]).isEqualTo("dat-dai");
        assertThat(row.values()[3]).isEqualTo("online");
    }

    @Test
    void unknownKeysAndCodes_areErrorsNamingTheFileAndTheKey() {
        Map<String, String> wrong = Map.of(
                "heading:\n  dossiers: {}\n", "unknown key 'heading'",
                "headings:\n  dossier: {}\n", "unknown key 'headings.dossier'",
                "headings:\n  dossiers:\n    received: [Ngày nhận]\n", "unknown key 'headings.dossiers.received'",
                "labels:\n  channel:\n    internet: [Mạng]\n", "unknown key 'labels.channel.internet'",
                "labels:\n  field:\n    dat: [Đất]\n", "unknown key 'labels.field.dat'",
                "labels:\n  outcome:\n    resolved: [Trả lại]\n", "\"Trả lại\" already means returned",
                "headings:\n  dossiers:\n    code: [\"\"]\n", "'headings.dossiers.code' has an empty name");
        wrong.forEach((yaml, message) -> assertThatThrownBy(() -> load(yaml)).as(yaml)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(jobs.resolve(ImportMapping.FILE).toString())
                .hasMessageContaining(message));
    }

    /** The file has no key that must be written; every other mistake names its line. */
    @Test
    void repeatedKeys_andValuesOfTheWrongKind_nameTheirLineAndKeyPath() {
        Map<String, String> wrong = new LinkedHashMap<>();
        wrong.put("labels:\n  channel:\n    online: [Mạng]\n    internet: [X]\n",
                "line 4: unknown key 'labels.channel.internet' (known: direct, online, postal)");
        wrong.put("headings:\n  dossiers: {}\n  dossier: {}\n",
                "line 3: unknown key 'headings.dossier' (known: dossiers, transfers)");
        wrong.put("labels:\n  channel:\n    online: [A]\n    online: [B]\n",
                "line 4: the key 'labels.channel.online' is given twice (first on line 3)");
        wrong.put("headings:\n  dossiers:\n    code: [A]\n  dossiers: {}\n",
                "line 4: the key 'headings.dossiers' is given twice (first on line 2)");
        wrong.put("headings:\n  dossiers: [code]\n", "line 2: 'headings.dossiers' must be a block of 'key: value' lines");
        wrong.put("labels:\n  channel:\n    online: {a: b}\n",
                "line 3: 'labels.channel.online' must be a list of '- ...' lines, one text per line");
        wrong.put("headings:\n  transfers:\n    sent_at:\n      - Ngày gửi\n      - \"\"\n",
                "line 5: 'headings.transfers.sent_at' has an empty name");
        wrong.put("labels: [channel]\n", "line 1: 'labels' must be a block of 'key: value' lines");
        wrong.forEach((yaml, message) -> assertThatThrownBy(() -> load(yaml)).as(yaml)
                .isInstanceOf(ConfigException.class)
                .hasMessage(jobs.resolve(ImportMapping.FILE) + ", " + message));
    }

    @Test
    void theShippedExample_loads() {
        ImportMapping mapping = ImportMapping.load(new JobsFolder(DatabaseTest.JOBS), CATALOGUE.keySet());
        assertThat(mapping.labels("channel")).containsEntry("trực tuyến", "online");
    }

    @Test
    void unknownField_suggestsTheNearestCatalogueName() {
        assertThat(Names.closest("Dat dai", CATALOGUE.values())).isEqualTo("Đất đai");
        assertThat(Names.closest("Ho tich", CATALOGUE.values())).isEqualTo("Hộ tịch");
        assertThat(Names.closest("Xây dựng cơ bản", CATALOGUE.values())).isNull();
    }
}
