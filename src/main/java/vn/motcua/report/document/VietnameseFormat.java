package vn.motcua.report.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import vn.motcua.report.period.Period;
import vn.motcua.report.period.PeriodName;
import vn.motcua.report.period.VietnamTime;

/** Numbers, dates and period names the way a Vietnamese administrative document writes them. */
public final class VietnameseFormat {

    private static final Locale VI = Locale.forLanguageTag("vi-VN");
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

    private VietnameseFormat() {
    }

    /** 1234567 → "1.234.567". */
    public static String count(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                sb.append('.');
            }
            sb.append(digits.charAt(i));
        }
        return (n < 0 ? "-" : "") + sb;
    }

    /**
     * Counts in running text as the seed writes them: "08 hồ sơ", "01 thư", "25 lượt", and "00 lượt", so that
     * the counts of one sentence are written the same way.
     */
    public static String twoDigits(long n) {
        return n >= 0 && n < 10 ? "0" + n : count(n);
    }

    /** part / whole with one decimal and a decimal comma: 8 of 467 → "1,7%". */
    public static String percent(long part, long whole) {
        if (whole == 0) {
            return "0%";
        }
        BigDecimal p = BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
        return p.toPlainString().replace('.', ',') + "%";
    }

    public static String date(LocalDate d) {
        return VietnamTime.format(d);
    }

    public static String dayMonth(LocalDate d) {
        return d.format(DAY_MONTH);
    }

    /**
     * "An Hòa, ngày 26 tháng 02 năm 2021": Decree 30 writes a leading zero for days below 10 and for
     * months 1 and 2 only ("ngày 05 tháng 3").
     */
    public static String placeAndDate(String place, LocalDate d) {
        if (d == null) {
            return place + ", ngày\u00a0\u00a0\u00a0\u00a0\u00a0tháng\u00a0\u00a0\u00a0\u00a0\u00a0năm\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0";
        }
        String day = d.getDayOfMonth() < 10 ? "0" + d.getDayOfMonth() : Integer.toString(d.getDayOfMonth());
        String month = d.getMonthValue() <= 2 ? "0" + d.getMonthValue() : Integer.toString(d.getMonthValue());
        return place + ", ngày " + day + " tháng " + month + " năm " + d.getYear();
    }

    /** The period in running text: "tháng 02/2021", "quý I năm 2021", "6 tháng đầu năm 2021", "năm 2021". */
    public static String period(Period p) {
        PeriodName n = p.named();
        int year = n.lastMonth().getYear();
        return switch (n.kind()) {
            case MONTH -> String.format("tháng %02d/%d", n.lastMonth().getMonthValue(), year);
            case QUARTER -> "quý " + roman(n.lastMonth().getMonthValue() / 3) + " năm " + year;
            case HALF, NINE_MONTHS -> n.lastMonth().getMonthValue() + " tháng đầu năm " + year;
            case YEAR -> "năm " + year;
        };
    }

    /** The period on a chart axis: "02/2021", "Q1/2021", "6T/2021", "2021". */
    public static String shortPeriod(PeriodName n) {
        int year = n.lastMonth().getYear();
        int last = n.lastMonth().getMonthValue();
        return switch (n.kind()) {
            case MONTH -> String.format("%02d/%d", last, year);
            case QUARTER -> "Q" + last / 3 + "/" + year;
            case HALF, NINE_MONTHS -> last + "T/" + year;
            case YEAR -> Integer.toString(year);
        };
    }

    /** Upper case the Vietnamese way ("huyện" → "HUYỆN"). */
    public static String upper(String s) {
        return s.toUpperCase(VI);
    }

    private static String roman(int n) {
        return switch (n) {
            case 1 -> "I";
            case 2 -> "II";
            case 3 -> "III";
            default -> "IV";
        };
    }
}
