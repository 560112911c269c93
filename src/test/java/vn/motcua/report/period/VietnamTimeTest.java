package vn.motcua.report.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

/** domain.md: all dates are calendar dates in Asia/Ho_Chi_Minh; another offset is converted first. */
class VietnamTimeTest {

    @Test
    void dateAndLocalDateTimeAreVietnamDates() {
        assertThat(VietnamTime.dateOf("2021-02-03")).isEqualTo(LocalDate.of(2021, 2, 3));
        assertThat(VietnamTime.dateOf("2021-02-03T23:59")).isEqualTo(LocalDate.of(2021, 2, 3));
        assertThat(VietnamTime.dateOf("2021-02-03T00:00:00")).isEqualTo(LocalDate.of(2021, 2, 3));
    }

    @Test
    void offsetsAreConvertedToVietnamTimeFirst() {
        assertThat(VietnamTime.dateOf("2021-02-25T20:00Z")).isEqualTo(LocalDate.of(2021, 2, 26));
        assertThat(VietnamTime.dateOf("2021-02-25T16:59:59Z")).isEqualTo(LocalDate.of(2021, 2, 25));
        assertThat(VietnamTime.dateOf("2021-02-25T17:00Z")).isEqualTo(LocalDate.of(2021, 2, 26));
        assertThat(VietnamTime.dateOf("2021-02-25T23:30+07:00")).isEqualTo(LocalDate.of(2021, 2, 25));
        assertThat(VietnamTime.dateOf("2021-02-26T01:00+09:00")).isEqualTo(LocalDate.of(2021, 2, 25));
        assertThat(VietnamTime.dateOf("2021-02-25T12:00-05:00")).isEqualTo(LocalDate.of(2021, 2, 26));
    }

    @Test
    void vietnameseExportsWriteTheDayFirst() {
        assertThat(VietnamTime.dateOf("03/02/2021")).isEqualTo(LocalDate.of(2021, 2, 3));
        assertThat(VietnamTime.dateOf("3/2/2021")).isEqualTo(LocalDate.of(2021, 2, 3));
        assertThat(VietnamTime.dateOf("03/02/2021 23:59")).isEqualTo(LocalDate.of(2021, 2, 3));
        assertThat(VietnamTime.dateOf(" 03/02/2021  08:15:30 ")).isEqualTo(LocalDate.of(2021, 2, 3));
        assertThat(VietnamTime.dateOf("2021-02-03 08:15")).isEqualTo(LocalDate.of(2021, 2, 3));
        assertThat(VietnamTime.dateOf("29/02/2024")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void impossibleDatesAreRefused() {
        for (String bad : new String[] {"29/02/2021", "03/13/2021", "03/02/21", "03/02/2021 24:00", "03/02/2021 8h15",
                "02/03/2021T08:15"}) {
            assertThatThrownBy(() -> VietnamTime.dateOf(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
        for (String bad : new String[] {"2021-02-31", "2021-02-29", "2021-13-01", "31/02/2021", "2021-02-03T25:00", "soon"}) {
            assertThatThrownBy(() -> VietnamTime.dateOf(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }
}
