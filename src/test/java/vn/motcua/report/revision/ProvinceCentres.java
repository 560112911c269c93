package vn.motcua.report.revision;

import java.util.List;

import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Tally;

/**
 * A small province's table by centre, the figures worked by hand: the province's centre and one branch, four
 * communes (one without any dossier), one centre the configuration does not list, and dossiers that name none.
 * The rows are given out of order on purpose: the table puts them in its own.
 */
public final class ProvinceCentres {

    public static final String PROVINCE_NAME = "Trung tâm Phục vụ hành chính công tỉnh Hà Tiên";
    public static final String BRANCH_NAME = "Chi nhánh số 1 Trung tâm Phục vụ hành chính công tỉnh";
    public static final String UNLISTED_NAME = "TTPVHCC xã Tân Lập";

    private ProvinceCentres() {
    }

    public static CentreTable table() {
        return new CentreTable(List.of(
                CentreRow.listed("xa-an-phu", "Trung tâm Phục vụ hành chính công xã An Phú", CentreLevel.COMMUNE,
                        tally(1, 5, 4, 0, 2, 6, 1, 1, 0)),
                CentreRow.undetermined(tally(1, 0, 3, 0, 0, 1, 1, 1, 1)),
                CentreRow.listed("chi-nhanh-1", BRANCH_NAME, CentreLevel.BRANCH, tally(2, 10, 8, 0, 5, 10, 2, 2, 1)),
                CentreRow.listed("xa-binh-my", "Trung tâm Phục vụ hành chính công xã Bình Mỹ", CentreLevel.COMMUNE,
                        tally(0, 3, 3, 0, 0, 4, 0, 2, 0)),
                CentreRow.unlisted(UNLISTED_NAME, tally(0, 2, 1, 0, 0, 2, 1, 0, 0)),
                CentreRow.listed("tinh", PROVINCE_NAME, CentreLevel.PROVINCE, tally(10, 40, 45, 5, 20, 50, 5, 20, 5)),
                CentreRow.listed("phuong-dong-hai", "Trung tâm Phục vụ hành chính công phường Đông Hải",
                        CentreLevel.COMMUNE, tally(3, 20, 6, 1, 10, 10, 3, 5, 2)),
                CentreRow.listed("xa-vinh-an", "Trung tâm Phục vụ hành chính công xã Vĩnh An", CentreLevel.COMMUNE,
                        tally(0, 0, 0, 0, 0, 0, 0, 0, 0))));
    }

    /** A centre's counters from its intake and results; the totals follow from them. */
    public static Tally tally(long carriedOver, long online, long direct, long postal, long early, long onTime,
                              long late, long notYetDue, long overdue) {
        long[] c = new long[Counter.values().length];
        c[Counter.TOTAL.ordinal()] = carriedOver + online + direct + postal;
        c[Counter.CARRIED_OVER.ordinal()] = carriedOver;
        c[Counter.NEW_ONLINE.ordinal()] = online;
        c[Counter.NEW_DIRECT.ordinal()] = direct;
        c[Counter.NEW_POSTAL.ordinal()] = postal;
        c[Counter.RESOLVED.ordinal()] = early + onTime + late;
        c[Counter.EARLY.ordinal()] = early;
        c[Counter.ON_TIME.ordinal()] = onTime;
        c[Counter.LATE.ordinal()] = late;
        c[Counter.PENDING.ordinal()] = notYetDue + overdue;
        c[Counter.NOT_YET_DUE.ordinal()] = notYetDue;
        c[Counter.OVERDUE.ordinal()] = overdue;
        if (c[Counter.TOTAL.ordinal()] != c[Counter.RESOLVED.ordinal()] + c[Counter.PENDING.ordinal()]) {
            throw new IllegalArgumentException("intake and results disagree");
        }
        return Tally.of(c);
    }
}
