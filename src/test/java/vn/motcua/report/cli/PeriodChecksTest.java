package vn.motcua.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.period.VietnamTime;
import vn.motcua.report.system.Messages;

/** Periods that make no sense yet are refused; a provisional or empty period is reported with a word about it. */
class PeriodChecksTest extends DatabaseTest {

    @Test
    void aPeriodThatHasNotBegun_isRefused_exitTwo_andNothingIsStored() {
        Run future = cli("run", "--period", "2099-01");
        assertThat(future.exitCode()).isEqualTo(2);
        assertThat(future.err()).startsWith("motcua-report: period 2099-01 has not begun: it starts on 02/12/2098");
        Run quarter = cliIn(Messages.VIETNAMESE, "run", "--period", "2099-Q1", "--cutoff-day", "25");
        assertThat(quarter.err()).startsWith("motcua-report: kỳ 2099-Q1 chưa bắt đầu: kỳ bắt đầu từ ngày 26/12/2098");
        assertThat(cli("rerun", "--period", "2099", "--reason", "x").exitCode()).isEqualTo(2);
        assertThat(count("report_revision")).isZero();
        assertThat(count("batch_job_execution")).isZero();
    }

    @Test
    void aPeriodNotYetClosed_isReported_withAWarningThatItsFiguresAreProvisional() {
        LocalDate today = VietnamTime.today(Clock.systemUTC());
        // The month whose period (cutoff 25) holds today: it has begun and its cutoff is today or later.
        YearMonth month = today.getDayOfMonth() > 25 ? YearMonth.from(today).plusMonths(1) : YearMonth.from(today);
        Run run = cliIn(Messages.VIETNAMESE, "run", "--period", month.toString(), "--cutoff-day", "25", "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Lưu ý: kỳ " + month + " chưa kết thúc (ngày chốt "
                + VietnamTime.format(month.atDay(25)) + ", hôm nay " + VietnamTime.format(today) + "): đây là số liệu tạm tính");
    }

    @Test
    void aClosedPeriodWithoutDossiers_saysSo_afterTheTable() {
        Run run = cli("run", "--period", "2020-05", "--cutoff-day", "25", "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^ +TOTAL +0 +0 +0 +0 +0 +0 +0 +0 +0$")
                .contains("Period 2020-05 has no dossier in scope");
        assertThat(run.out().indexOf("has no dossier")).isGreaterThan(run.out().indexOf("TOTAL"));
        assertThat(run.err()).doesNotContain("not closed");

        Run demo = cli("demo", "--out", tmp.toString());
        assertThat(demo.out()).doesNotContain("no dossier in scope");
    }
}
