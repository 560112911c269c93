package vn.motcua.report.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.report.config.JobsFile;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.config.ReportSettings;
import vn.motcua.report.system.Messages;
import vn.motcua.report.system.Refusal;

/** jobs/centres.yaml is strict like every jobs file, and a received name finds its centre however it is written. */
class CentresTest {

    private static final String WHERE = "jobs/centres.yaml";

    /** The consolidation block every file below starts with (lines 1-9). */
    private static final String CONSOLIDATION = """
            consolidation:
              code: tong-hop
              parent-body: UBND tỉnh Hà Tiên
              name: Văn phòng UBND tỉnh
              place: Hà Tiên
              symbol: VPUBND
              signer: {on-behalf: KT. CHÁNH VĂN PHÒNG, position: PHÓ CHÁNH VĂN PHÒNG, name: Lê Thị Hoa}
              recipients: [Văn phòng Chính phủ;, Lưu VT.]
            centres:
            """;

    private static final String AN_PHU = """
              - code: xa-an-phu
                name: Trung tâm Phục vụ hành chính công xã An Phú
                level: commune
                parent-body: UBND xã An Phú
                place: An Phú
                symbol: TTPVHCC
                aliases: [TTPVHCC xã An Phú]
            """;

    private static final String PROVINCE = """
              - code: tinh
                name: Trung tâm Phục vụ hành chính công tỉnh Hà Tiên
                level: province
                parent-body: Văn phòng UBND tỉnh Hà Tiên
                place: Hà Tiên
                symbol: TTPVHCC
                signer:
                  position: GIÁM ĐỐC
                  name: Trần Văn Bình
                recipients:
                  - UBND tỉnh;
                  - Lưu VT.
            """;

    @Test
    void aGoodFile_bindsTheConsolidationAndEveryCentre_inOrder() {
        Centres c = parse(CONSOLIDATION + AN_PHU + PROVINCE);
        assertThat(c.consolidation()).isEqualTo(new Consolidation("tong-hop", "UBND tỉnh Hà Tiên", "Văn phòng UBND tỉnh",
                "Hà Tiên", "VPUBND", new ReportSettings.Signer("KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Lê Thị Hoa"),
                null, List.of("Văn phòng Chính phủ;", "Lưu VT.")));
        assertThat(c.centres()).extracting(Centre::code).containsExactly("xa-an-phu", "tinh");
        Centre anPhu = c.centres().get(0);
        assertThat(anPhu.level()).isEqualTo(Level.COMMUNE);
        assertThat(anPhu.level().provincial()).isFalse();
        assertThat(anPhu.aliases()).containsExactly("TTPVHCC xã An Phú");
        assertThat(anPhu.signer()).as("optional: report.yaml's then").isNull();
        assertThat(anPhu.recipients()).isEmpty();
        assertThat(anPhu.header()).isEqualTo(new ReportSettings.Centre("UBND xã An Phú",
                "Trung tâm Phục vụ hành chính công xã An Phú", "An Phú", "TTPVHCC"));
        Centre province = c.centres().get(1);
        assertThat(province.level()).isEqualTo(Level.PROVINCE);
        assertThat(province.level().provincial()).isTrue();
        assertThat(province.signer()).isEqualTo(new ReportSettings.Signer(null, "GIÁM ĐỐC", "Trần Văn Bình"));
        assertThat(province.recipients()).containsExactly("UBND tỉnh;", "Lưu VT.");
        assertThat(c.byCode("tinh")).contains(province);
        assertThat(c.byCode("Tinh")).as("--centre names a code exactly").isEmpty();
    }

    @Test
    void withoutTheFile_thereAreNoCentres(@TempDir Path jobs) throws Exception {
        assertThat(Centres.load(new JobsFolder(jobs))).isEmpty();
        Files.writeString(jobs.resolve(Centres.FILE), CONSOLIDATION + AN_PHU, StandardCharsets.UTF_8);
        assertThat(Centres.load(new JobsFolder(jobs))).get().extracting(c -> c.centres().size()).isEqualTo(1);
    }

    @Test
    void aRepeatedCode_isRefused_withBothLines() {
        Refusal r = refused(CONSOLIDATION + AN_PHU + AN_PHU.replace("name: Trung tâm Phục vụ hành chính công xã An Phú",
                "name: Trung tâm xã Bình An").replace("[TTPVHCC xã An Phú]", "[]"));
        assertThat(r.key()).isEqualTo("centre.repeated-code");
        assertThat(english(r)).isEqualTo(WHERE + ", line 17: centres[2].code 'xa-an-phu' is already used on line 10;"
                + " each centre needs a code of its own.");
        assertThat(vietnamese(r)).startsWith(WHERE + ", dòng 17: centres[2].code 'xa-an-phu' đã dùng ở dòng 10");
    }

    @Test
    void anAliasThatIsAnotherCentresName_isRefused_whateverItsCaseSpacingOrUnicodeForm() {
        String other = PROVINCE.replace("aliases", "x").replace("    symbol: TTPVHCC\n",
                "    symbol: TTPVHCC\n    aliases: [Trung tâm tỉnh, \"" + Normalizer.normalize("TRUNG TÂM  phục vụ hành chính công XÃ AN PHÚ",
                        Normalizer.Form.NFD) + "\"]\n");
        Refusal r = refused(CONSOLIDATION + AN_PHU + other);
        assertThat(r.key()).isEqualTo("centre.repeated-name");
        assertThat(english(r)).startsWith(WHERE + ", line 23: centres[2].aliases[2] 'TRUNG TÂM phục vụ hành chính công"
                + " XÃ AN PHÚ' is already the code, name or alias of centre 'xa-an-phu' (line 11)");
        // Two centres giving the same alias.
        Refusal twice = refused(CONSOLIDATION + AN_PHU + PROVINCE.replace("    symbol: TTPVHCC\n",
                "    symbol: TTPVHCC\n    aliases:\n      - ttpvhcc XÃ an phú\n"));
        assertThat(twice.key()).isEqualTo("centre.repeated-name");
        assertThat(english(twice)).contains(WHERE + ", line 24: centres[2].aliases[1] 'ttpvhcc XÃ an phú'")
                .contains("centre 'xa-an-phu' (line 16)");
    }

    @Test
    void aCodeThatIsNotASlug_isRefused() {
        Refusal r = refused(CONSOLIDATION + AN_PHU.replace("code: xa-an-phu", "code: Xã An Phú"));
        assertThat(r.key()).isEqualTo("centre.bad-code");
        assertThat(english(r)).startsWith(WHERE + ", line 10: centres[1].code 'Xã An Phú' may hold only lower case");
        assertThat(refused(CONSOLIDATION.replace("code: tong-hop", "code: tong_hop") + AN_PHU).arguments())
                .as("the consolidation's code too").containsSequence(WHERE, 2, "consolidation.code", "tong_hop");
    }

    @Test
    void anUnknownLevel_isRefused_namingTheKnownOnes() {
        Refusal r = refused(CONSOLIDATION + AN_PHU.replace("level: commune", "level: district"));
        assertThat(r.key()).isEqualTo("centre.unknown-level");
        assertThat(english(r)).startsWith(WHERE + ", line 12: centres[1].level 'district' is not a level: write one of"
                + " province, branch, commune");
    }

    @Test
    void aConsolidationCodeThatIsACentres_isRefused() {
        Refusal r = refused(CONSOLIDATION.replace("code: tong-hop", "code: tinh") + AN_PHU + PROVINCE);
        assertThat(r.key()).isEqualTo("centre.consolidation-code");
        assertThat(english(r)).startsWith(WHERE + ", line 2: consolidation.code 'tinh' is also the code of the centre"
                + " on line 17");
    }

    @Test
    void unknownAndMissingKeys_areRefused_withTheirLines() {
        Refusal unknown = refused(CONSOLIDATION + AN_PHU.replace("level:", "levle:"));
        assertThat(unknown.key()).isEqualTo("config.unknown-key");
        assertThat(english(unknown)).startsWith(WHERE + ", line 12: unknown key 'centres[1].levle' (known: aliases, code,");
        Refusal top = refused("centre:\n  code: x\n" + CONSOLIDATION + AN_PHU);
        assertThat(english(top)).startsWith(WHERE + ", line 1: unknown key 'centre' (known: centres, consolidation)");

        Refusal missing = refused(CONSOLIDATION + AN_PHU + PROVINCE.replace("    parent-body: Văn phòng UBND tỉnh Hà Tiên\n", ""));
        assertThat(missing.key()).isEqualTo("config.missing-key");
        assertThat(english(missing)).isEqualTo(WHERE + ", line 17: 'centres[2].parent-body' is missing");
        assertThat(english(refused(CONSOLIDATION.replace("  signer: {on-behalf: KT. CHÁNH VĂN PHÒNG, position:"
                + " PHÓ CHÁNH VĂN PHÒNG, name: Lê Thị Hoa}\n", "") + AN_PHU)))
                .as("a key not written: the line of its block").isEqualTo(WHERE + ", line 2: 'consolidation.signer' is missing");
        assertThat(english(refused(CONSOLIDATION.replace("centres:\n", "")))).isEqualTo(WHERE + ", line 1: 'centres' is missing");
        assertThat(refused(CONSOLIDATION.replace("centres:\n", "centres: []\n")).key()).isEqualTo("centre.no-centres");
        assertThat(english(refused(CONSOLIDATION + AN_PHU.replace("recipients", "x")
                .replace("    aliases: [TTPVHCC xã An Phú]\n", "    recipients: Lưu VT.\n    x: 1\n"))))
                .as("a wrong kind, then an unknown key: the first is named").contains("line 16");
    }

    @Test
    void aReceivedName_matchesItsCentre_byCodeNameOrAlias_whateverItsCaseSpacingOrUnicodeForm() {
        Centres c = parse(CONSOLIDATION + AN_PHU + PROVINCE);
        Centre anPhu = c.byCode("xa-an-phu").orElseThrow();
        assertThat(c.match("xa-an-phu")).as("the code").contains(anPhu);
        assertThat(c.match("XA-AN-PHU")).contains(anPhu);
        assertThat(c.match("Trung tâm Phục vụ hành chính công xã An Phú")).as("the name").contains(anPhu);
        assertThat(c.match("  TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG  XÃ\tAN PHÚ ")).as("case and spacing").contains(anPhu);
        assertThat(c.match(Normalizer.normalize("Trung tâm Phục vụ hành chính công xã An Phú", Normalizer.Form.NFD)))
                .as("decomposed (NFD) as some exports write it").contains(anPhu);
        assertThat(c.match("ttpvhcc xã an phú")).as("an alias").contains(anPhu);
        assertThat(c.match("Trung tâm Phục vụ hành chính công xã An Phu")).as("diacritics matter").isEmpty();
        assertThat(c.match("Bộ phận một cửa xã Bình An")).as("not listed").isEmpty();
        assertThat(c.match("  ")).isEmpty();
        assertThat(c.match(null)).isEmpty();
        assertThat(Centres.normalise(Normalizer.normalize(" XÃ  An\u00a0Phú ", Normalizer.Form.NFD))).isEqualTo("xã an phú");
    }

    private static Centres parse(String yaml) {
        return CentresFile.read(JobsFile.read(yaml.getBytes(StandardCharsets.UTF_8), WHERE, CentresFile.Written.class,
                CentresFile.WRONG_SHAPE));
    }

    private static Refusal refused(String yaml) {
        Refusal r = catchThrowableOfType(Refusal.class, () -> parse(yaml));
        assertThat(r).as("refused").isNotNull();
        return r;
    }

    private static String english(Refusal r) {
        return Messages.of(Locale.ENGLISH).text(r);
    }

    private static String vietnamese(Refusal r) {
        return Messages.of(Messages.VIETNAMESE).text(r);
    }
}
