package vn.motcua.report.report;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.batch.core.step.StepExecution;

import vn.motcua.report.centre.Centres;
import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.revision.CentreRow;
import vn.motcua.report.revision.CentreRows;
import vn.motcua.report.revision.CentreTable;
import vn.motcua.report.revision.CsvTables;
import vn.motcua.report.revision.ReportFiles;
import vn.motcua.report.revision.ReportKey;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.system.Refusal;

/**
 * The consolidation's table by receiving centre, after its checks: its per-dossier cells summed by the centre each
 * dossier names ({@link CentreRows#compute}; in a province run, the recount by centre its checkProvince step kept),
 * checked (each listed centre's row equals the totals of the centre's
 * revision the consolidation cites; the rows add up to the table's total), kept with the revision, and written as
 * {@code …-trung-tam.csv}. Any other report has no table by centre: the step does nothing.
 */
class CentreTableStep extends RevisionTasklet {

    static final String NAME = "centreTable";
    static final String PATH = "centreTablePath";

    private final RevisionRepository revisions;
    private final CentreRows centreRows;
    private final JobsFolder jobs;
    private final WrittenBefore writtenBefore;

    CentreTableStep(RevisionRepository revisions, CentreRows centreRows, JobsFolder jobs, WrittenBefore writtenBefore) {
        super(revisions);
        this.revisions = revisions;
        this.centreRows = centreRows;
        this.jobs = jobs;
        this.writtenBefore = writtenBefore;
    }

    @Override
    void execute(ReportParameters params, Revision revision, StepExecution step) throws Exception {
        Optional<Centres> centres = Centres.load(jobs)
                .filter(c -> c.consolidation().code().equals(params.centre()));
        if (centres.isEmpty()) {
            return;
        }
        // A province run's checkProvince step kept the table, from its recount by centre.
        CentreTable table = params.classifiedByProvince() ? centreRows.table(revision)
                : centreRows.compute(revision, centres.get());
        for (CentreRows.CitedCentre cited : centreRows.cited(revision)) {
            Revision ofCentre = revisions.of(new ReportKey(params.period().named(),
                    cited.centre()), cited.revision());
            Tally own = revisions.table(ofCentre).total();
            Tally row = table.rows().stream().filter(r -> cited.centre().equals(r.code())).map(CentreRow::counts)
                    .findFirst().orElseGet(Tally::new);
            for (Counter c : Counter.values()) {
                if (row.get(c) != own.get(c)) {
                    throw new Refusal("province.centre-differs", revision.key().toString(), revision.revision(),
                            cited.centre(), c.column(), row.get(c), cited.revision(), own.get(c));
                }
            }
        }
        Tally total = revisions.table(revision).total();
        Tally rows = table.total();
        for (Counter c : Counter.values()) {
            if (rows.get(c) != total.get(c)) {
                throw new Refusal("province.rows-differ", revision.key().toString(), revision.revision(), c.column(),
                        rows.get(c), total.get(c));
            }
        }
        if (!params.classifiedByProvince()) {
            centreRows.save(revision, table);
        }
        byte[] csv = CsvTables.byCentre(table);
        Path target = ReportFiles.path(params.out(), revision, CsvTables.BY_CENTRE);
        Path written = writtenBefore.keptOrWritten(step, target, () -> ReportFiles.writeAtomically(target,
                out -> out.write(csv)));
        step.getExecutionContext().putString(PATH, written.toString());
    }
}
