package vn.motcua.report.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generates realistic synthetic dossiers inside PostgreSQL (generate_series, no round trip per row),
 * received uniformly over {@code months} months from {@code firstDay}:
 * <ul>
 * <li>fields skewed like a real centre's (land, civil status, certification take most of them);</li>
 * <li>55% direct, 40% online, 5% postal; statutory time 5..120 days, 5% without a due date;</li>
 * <li>finished after a share of the statutory time (2% withdrawn, 1% returned), 4% late (half of them
 * with an apology letter); 1% stuck, never finished; those not finished by the last generated day are
 * open (as in an export); 6% with a pause for a supplement (half of the open ones still waiting).</li>
 * </ul>
 * Every row satisfies the dossier table's checks. Only for a scratch database: the foreign key to the
 * catalogue is not checked row by row (the fields are taken from the catalogue itself).
 */
public class SyntheticDossiers {

    // Catalogue codes from the most to the least used; a power law on the index gives the skew.
    private static final String GENERATE = """
            WITH params AS (SELECT ?::date AS first_day, ?::int AS days, ?::date AS last_day,
                                   ?::int AS centres, ?::int AS branches, ?::text AS province_centre,
                                   ?::text AS branch_prefix, ?::text AS commune_prefix)
            INSERT INTO dossier (code, field_code, procedure, channel, received_on, due_on, finished_on, outcome,
                                 paused_from, paused_until, apology_on, centre)
            SELECT 'BENCH-' || lpad(i::text, 10, '0'), field, '', channel, received, due, finished,
                   CASE WHEN finished IS NULL THEN NULL WHEN o < 0.02 THEN 'withdrawn' WHEN o < 0.03 THEN 'returned'
                        ELSE 'resolved' END,
                   paused_from,
                   CASE WHEN paused_from IS NULL THEN NULL
                        WHEN finished IS NULL THEN CASE WHEN o < 0.5 THEN NULL ELSE paused_from + (o * 10)::int END
                        ELSE paused_from + ((finished - paused_from) * o)::int END,
                   CASE WHEN late AND a < 0.5 THEN due END,
                   -- The receiving centre, from the dossier's number (no extra random draws): a few blank, the
                   -- province's centre and each branch a fixed share, the communes the rest with a skew.
                   CASE WHEN centres = 0 OR u < 0.02 THEN NULL
                        WHEN u < 0.20 OR centres = 1 THEN province_centre
                        WHEN u < 0.20 + 0.04 * branches
                            THEN branch_prefix || lpad((1 + floor((u - 0.20) / 0.04))::int::text, 2, '0')
                        ELSE commune_prefix
                             || lpad((1 + floor((centres - 1 - branches) * power(w, 1.5)))::int::text, 3, '0') END
              FROM params,
                   (SELECT i, field, channel, received, due, o, a, late, finished,
                           CASE WHEN p < 0.06 THEN received + (coalesce(finished - received, 6) * p * 8)::int END
                               AS paused_from
                      FROM (SELECT i, field, channel, received, due, o, a, p, late,
                                   -- Not finished yet when the data was exported: open.
                                   CASE WHEN finish > last_day THEN NULL ELSE finish END AS finished
                              FROM (SELECT i, field, channel, received, due, o, a, p, late, last_day,
                                           CASE WHEN stuck THEN NULL
                                                WHEN due IS NULL THEN received + (t * 20)::int
                                                WHEN late THEN due + 1 + (t * 15)::int
                                                ELSE received + ((due - received) * sqrt(t))::int END AS finish
                                      FROM (SELECT i, field, channel, received, o, a, p, t, stuck, last_day,
                                                   CASE WHEN d < 0.05 THEN NULL
                                                        ELSE received + (ARRAY[5, 7, 10, 15, 20, 30, 45, 60, 90, 120])
                                                                            [1 + (d * 9.999)::int % 10] END AS due,
                                                   NOT stuck AND d >= 0.05 AND l < 0.04 AS late
                                              FROM (SELECT i,
                                                           (ARRAY['dat-dai', 'ho-tich', 'chung-thuc', 'bao-tro-xa-hoi',
                                                                  'giao-dich-bao-dam', 'chung-minh-nhan-dan', 'nguoi-co-cong',
                                                                  'hoat-dong-xay-dung', 'lien-thong-dkkd-hkd-htx',
                                                                  'ho-kinh-doanh', 'tai-chinh-dau-tu', 'che-do-bhxh',
                                                                  'moi-truong', 'so-bhxh-the-bhyt', 'giao-duc-dao-tao',
                                                                  'thi-dua-khen-thuong', 'dau-tu-xay-dung', 'hop-tac-xa'])
                                                               [1 + floor(18 * power(random(), 2.2))::int] AS field,
                                                           CASE WHEN c < 0.55 THEN 'direct' WHEN c < 0.95 THEN 'online'
                                                                ELSE 'postal' END AS channel,
                                                           first_day + floor(random() * days)::int AS received,
                                                           last_day,
                                                           random() < 0.01 AS stuck,
                                                           random() AS d, random() AS l, random() AS t, random() AS o,
                                                           random() AS a, random() AS p
                                                      FROM (SELECT i, random() AS c
                                                              FROM generate_series(?::bigint, ?::bigint) i) s,
                                                           params) r) q) f) g) h,
                   LATERAL (SELECT (abs(hashint8extended(h.i, 19)) % 1000000) / 1e6 AS u,
                                   (abs(hashint8extended(h.i, 23)) % 1000000) / 1e6 AS w) z""";

    private static final long SLICE = 1_000_000;

    private final JdbcTemplate jdbc;

    public SyntheticDossiers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds {@code count} dossiers received from {@code firstDay} over {@code months} months, then vacuums
     * and analyzes the table so that every measured scan finds it in the same settled state.
     */
    public void generate(long count, LocalDate firstDay, int months) {
        generate(count, firstDay, months, null);
    }

    /** As {@link #generate(long, LocalDate, int)}, each dossier received by one of the province's centres (null: none). */
    public void generate(long count, LocalDate firstDay, int months, SyntheticProvince province) {
        int days = (int) (firstDay.plusMonths(months).toEpochDay() - firstDay.toEpochDay());
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement session = connection.createStatement();
                 PreparedStatement insert = connection.prepareStatement(GENERATE)) {
                // In slices of a million: progress is committed, and no statement grows huge.
                for (long from = 1; from <= count; from += SLICE) {
                    insert.setObject(1, firstDay);
                    insert.setInt(2, days);
                    insert.setObject(3, firstDay.plusDays(days - 1));
                    insert.setInt(4, province == null ? 0 : province.centres());
                    insert.setInt(5, province == null ? 0 : province.branches());
                    insert.setString(6, SyntheticProvince.PROVINCE_CENTRE);
                    insert.setString(7, SyntheticProvince.BRANCH_PREFIX);
                    insert.setString(8, SyntheticProvince.COMMUNE_PREFIX);
                    insert.setLong(9, from);
                    insert.setLong(10, Math.min(count, from + SLICE - 1));
                    insert.executeUpdate();
                }
                session.execute("VACUUM (FREEZE, ANALYZE) dossier");
            }
            return null;
        });
    }
}
