package vn.motcua.report.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import vn.motcua.report.DatabaseTest;

/** A refusal of the report's state, as a user reads it by default: in Vietnamese, from messages.properties. */
@TestPropertySource(properties = "motcua.lang=vi")
class VietnameseRefusalTest extends DatabaseTest {

    @Test
    void run_aSecondTime_isRefusedInVietnamese() {
        assertThat(cli("run", "--period", "2021-02", "--out", tmp.toString()).exitCode()).isZero();
        Run again = cli("run", "--period", "2021-02", "--out", tmp.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("motcua-report: 2021-02 đã có báo cáo hoàn thành (lần 1). Báo cáo điều chỉnh"
                + " là một lần mới: rerun --period 2021-02 --reason \"LÝ DO\"\n");
    }
}
