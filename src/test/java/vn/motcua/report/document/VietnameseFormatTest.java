package vn.motcua.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.period.PeriodName;

class VietnameseFormatTest {

    @Test
    void numbers() {
        assertThat(VietnameseFormat.count(0)).isEqualTo("0");
        assertThat(VietnameseFormat.count(999)).isEqualTo("999");
        assertThat(VietnameseFormat.count(1234)).isEqualTo("1.234");
        assertThat(VietnameseFormat.count(1234567)).isEqualTo("1.234.567");
        assertThat(VietnameseFormat.twoDigits(8)).isEqualTo("08");
        assertThat(VietnameseFormat.twoDigits(0)).as("beside 02 in the same sentence").isEqualTo("00");
        assertThat(VietnameseFormat.twoDigits(25)).isEqualTo("25");
        assertThat(VietnameseFormat.percent(8, 467)).isEqualTo("1,7%");
        assertThat(VietnameseFormat.percent(1, 8)).isEqualTo("12,5%");
        assertThat(VietnameseFormat.percent(1, 3)).isEqualTo("33,3%");
        assertThat(VietnameseFormat.percent(2, 3)).isEqualTo("66,7%");
        assertThat(VietnameseFormat.percent(5, 5)).isEqualTo("100,0%");
        assertThat(VietnameseFormat.percent(0, 0)).isEqualTo("0%");
    }

    @Test
    void decree30Dates_zeroBeforeDaysUnder10_andMonthsOneAndTwoOnly() {
        assertThat(VietnameseFormat.placeAndDate("An Hòa", LocalDate.of(2021, 2, 26))).isEqualTo("An Hòa, ngày 26 tháng 02 năm 2021");
        assertThat(VietnameseFormat.placeAndDate("An Hòa", LocalDate.of(2021, 1, 5))).isEqualTo("An Hòa, ngày 05 tháng 01 năm 2021");
        assertThat(VietnameseFormat.placeAndDate("An Hòa", LocalDate.of(2021, 3, 5))).isEqualTo("An Hòa, ngày 05 tháng 3 năm 2021");
        assertThat(VietnameseFormat.placeAndDate("An Hòa", LocalDate.of(2021, 12, 25))).isEqualTo("An Hòa, ngày 25 tháng 12 năm 2021");
        assertThat(VietnameseFormat.date(LocalDate.of(2021, 1, 26))).isEqualTo("26/01/2021");
    }

    @Test
    void periods() {
        CutoffDay c = CutoffDay.parse("25");
        assertThat(VietnameseFormat.period(Period.of("2021-02", c))).isEqualTo("tháng 02/2021");
        assertThat(VietnameseFormat.period(Period.of("2021-11", c))).isEqualTo("tháng 11/2021");
        assertThat(VietnameseFormat.period(Period.of("2021-Q1", c))).isEqualTo("quý I năm 2021");
        assertThat(VietnameseFormat.period(Period.of("2021-6M", c))).isEqualTo("6 tháng đầu năm 2021");
        assertThat(VietnameseFormat.period(Period.of("2021", c))).isEqualTo("năm 2021");
        assertThat(VietnameseFormat.period(Period.of("2021-9M", c))).isEqualTo("9 tháng đầu năm 2021");
        assertThat(VietnameseFormat.period(Period.of("2021-Q4", c))).isEqualTo("quý IV năm 2021");
        assertThat(VietnameseFormat.shortPeriod(PeriodName.parse("2021-02"))).isEqualTo("02/2021");
        assertThat(VietnameseFormat.shortPeriod(PeriodName.parse("2021-Q1"))).isEqualTo("Q1/2021");
        assertThat(VietnameseFormat.shortPeriod(PeriodName.parse("2021-6M"))).isEqualTo("6T/2021");
        assertThat(VietnameseFormat.shortPeriod(PeriodName.parse("2021"))).isEqualTo("2021");
    }

    @Test
    void upperCase_keepsVietnameseMarks() {
        assertThat(VietnameseFormat.upper("UBND huyện An Hòa")).isEqualTo("UBND HUYỆN AN HÒA");
    }
}
