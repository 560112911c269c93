package vn.motcua.report.report;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import vn.motcua.report.revision.CentreRows;
import vn.motcua.report.revision.ReportKey;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;

/**
 * Before the classifyProvince step's first read (and a restart's): the revisions it writes to, the consolidation's
 * and each centre's to make, get their zero rows in the catalogue's order and the data version they read from, as
 * each report job's openRevision step and {@link DataReadStart} give a report that reads its own dossiers.
 */
class ProvinceReadStart implements StepExecutionListener {

    private final RevisionRepository revisions;
    private final CentreRows centreRows;

    ProvinceReadStart(RevisionRepository revisions, CentreRows centreRows) {
        this.revisions = revisions;
        this.centreRows = centreRows;
    }

    @Override
    public void beforeStep(StepExecution classifyProvince) {
        ReportParameters params = ReportParameters.from(classifyProvince.getJobParameters());
        Revision consolidation = revisions.of(params.report(), params.revision());
        opened(consolidation);
        centreRows.cited(consolidation).stream().filter(CentreRows.CitedCentre::made)
                .forEach(c -> opened(revisions.of(new ReportKey(params.period().named(), c.centre()), c.revision())));
    }

    private void opened(Revision revision) {
        revisions.openRows(revision);
        revisions.recordDataRead(revision.id());
    }
}
