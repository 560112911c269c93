package vn.motcua.report.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.motcua.report.centre.Centres;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.revision.CentreSpellings;

/**
 * Which stored receiving centres ({@code dossier.centre}) are one listed centre: the distinct values stored, each
 * matched by {@link Centres#match} (code, name or alias, whatever the case, spacing or Unicode form). A centre's
 * report then reads {@code centre = ANY (spellings)}, by the index on the column.
 */
@Component
public class ReceivingCentres implements CentreSpellings {

    /**
     * The distinct stored centres, one index probe each (a loose index scan: a province has a few hundred spellings
     * over millions of dossiers).
     */
    private static final String DISTINCT = """
            WITH RECURSIVE c(centre) AS (
                (SELECT centre FROM dossier WHERE centre IS NOT NULL ORDER BY centre LIMIT 1)
                UNION ALL
                SELECT (SELECT d.centre FROM dossier d WHERE d.centre > c.centre ORDER BY d.centre LIMIT 1)
                  FROM c WHERE c.centre IS NOT NULL)
            SELECT centre FROM c WHERE centre IS NOT NULL""";

    private final JdbcTemplate jdbc;
    private final JobsFolder jobs;

    public ReceivingCentres(JdbcTemplate jdbc, JobsFolder jobs) {
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    /** None when there is no centres.yaml or it lists no such code (a report of a centre listed no more). */
    @Override
    public List<String> of(String centreCode) {
        return of(List.of(centreCode)).get(centreCode);
    }

    /** report.yaml's centre and the consolidation of centres.yaml. */
    @Override
    public boolean everyDossier(String centreCode) {
        return centreCode.isEmpty() || Centres.load(jobs).map(c -> c.consolidation().code().equals(centreCode))
                .orElse(false);
    }

    @Override
    public List<String> stored() {
        return jdbc.queryForList(DISTINCT, String.class);
    }

    @Override
    public Map<String, List<String>> of(Collection<String> centreCodes) {
        Map<String, List<String>> spellings = new LinkedHashMap<>();
        centreCodes.forEach(code -> spellings.put(code, new ArrayList<>()));
        Optional<Centres> centres = Centres.load(jobs);
        if (centres.isPresent() && !centreCodes.isEmpty()) {
            for (String stored : stored()) {
                centres.get().match(stored).map(c -> spellings.get(c.code())).ifPresent(list -> list.add(stored));
            }
        }
        return spellings;
    }
}
