package vn.motcua.report.importing.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.motcua.report.importing.source.Row;

/** How a date written with slashes is read: the shapes accepted, and those left to the other readings or refused. */
class DatesTest {

    @Test
    void slashedDates_withOrWithoutATime_giveTheirNumbers() {
        assertThat(Dates.slashedParts("3/2/2021")).containsExactly(3, 2, 2021, 0, 0, 0);
        assertThat(Dates.slashedParts("03/02/2021 08:15")).containsExactly(3, 2, 2021, 8, 15, 0);
        assertThat(Dates.slashedParts("28/02/2021 8:05:30")).containsExactly(28, 2, 2021, 8, 5, 30);
        assertThat(Dates.slashedParts("2/19/2021\t17:00")).containsExactly(2, 19, 2021, 17, 0, 0);
        assertThat(Dates.slashedParts("03/02/2021   08:15")).containsExactly(3, 2, 2021, 8, 15, 0);
    }

    /** What LibreOffice writes for date cells on an English-locale machine (its short formats): 20yy, 12-hour times. */
    @Test
    void twoDigitYears_areThisCentury_andTwelveHourTimesAreRead() {
        assertThat(Dates.slashedParts("02/19/21")).containsExactly(2, 19, 2021, 0, 0, 0);
        assertThat(Dates.slashedParts("3/2/21")).containsExactly(3, 2, 2021, 0, 0, 0);
        assertThat(Dates.slashedParts("02/19/21 02:15 PM")).containsExactly(2, 19, 2021, 14, 15, 0);
        assertThat(Dates.slashedParts("02/19/21 12:05 AM")).containsExactly(2, 19, 2021, 0, 5, 0);
        assertThat(Dates.slashedParts("02/19/21 12:05:09 pm")).containsExactly(2, 19, 2021, 12, 5, 9);
        assertThat(Dates.slashedParts("19/02/2021 8:15AM")).containsExactly(19, 2, 2021, 8, 15, 0);

        Dates dates = new Dates(Map.of());
        List<Reject> rejects = new ArrayList<>();
        Row row = new Row(3, Map.of("received_at", "02/19/21 02:15 PM", "due_at", "03/02/21 13:00 PM"));
        assertThat(dates.date(row, "received_at", true, rejects)).isNull();
        assertThat(rejects).singleElement().satisfies(r -> assertThat(r.reason()).contains("can only be month first"));
        rejects.clear();
        assertThat(dates.date(row, "due_at", false, rejects)).isNull();
        assertThat(rejects).singleElement().satisfies(r -> assertThat(r.reason()).contains("not a real date"));

        Dates monthFirst = new Dates(Map.of("received_at", DateOrder.MDY));
        assertThat(monthFirst.date(row, "received_at", true, new ArrayList<>())).isEqualTo(LocalDate.of(2021, 2, 19));
    }

    @Test
    void otherShapes_areNotSlashedDates() {
        for (String v : List.of("", "03/02/202", "03/02/2", "03/02/21 PM", "03/02/2021 08:15 XM", "03/02/2021 08:15 P",
                "003/02/2021", "03/002/2021", "03-02-2021", "03/02/20211", "03/02/2021 08",
                "03/02/2021 08:1", "03/02/2021 08:15:3", "03/02/2021T08:15", "03/02/2021 123:15", "03/02/2021 08:15 x",
                "a3/02/2021", "03/02/2021 ", "2021-02-03", "44232")) {
            assertThat(Dates.slashedParts(v)).as(v).isNull();
        }
    }

    @Test
    void aDateInTheRow_isReadDayFirstAndItsTimeChecked() {
        Dates dates = new Dates(Map.of());
        List<Reject> rejects = new ArrayList<>();
        Row row = new Row(7, Map.of("received_at", "13/02/2021 08:15", "due_at", "13/02/2021 25:00"));
        assertThat(dates.date(row, "received_at", true, rejects)).isEqualTo(LocalDate.of(2021, 2, 13));
        assertThat(rejects).isEmpty();
        assertThat(dates.date(row, "due_at", false, rejects)).isNull();
        assertThat(rejects).singleElement().satisfies(r -> assertThat(r.reasonVi()).contains("không phải ngày có thật"));
    }
}
