package vn.motcua.report.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.system.Messages;

/** A refusal of the report's state, as a user reads it by default: in Vietnamese, from messages.properties. */
class VietnameseRefusalTest extends DatabaseTest {

    @Test
    void run_aSecondTime_isRefusedInVietnamese() {
        assertThat(cli("run", "--period", "2021-02", "--out", tmp.toString()).exitCode()).isZero();
        Run again = cliIn(Messages.VIETNAMESE, "run", "--period", "2021-02", "--out", tmp.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("motcua-report: 2021-02 đã có báo cáo hoàn thành (lần 1). Báo cáo điều chỉnh"
                + " là một lần mới: rerun --period 2021-02 --reason \"LÝ DO\"\n");
    }
}
