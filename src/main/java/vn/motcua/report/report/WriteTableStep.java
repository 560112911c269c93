package vn.motcua.report.report;

import java.nio.file.Path;

import org.springframework.batch.core.step.StepExecution;

import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;

/** Step 4: the CSV table ({@link TableCsv}); its path is recorded with the step, committed with it. */
class WriteTableStep extends RevisionTasklet {

    static final String NAME = "writeTable";
    static final String PATH = "tablePath";

    private final RevisionRepository revisions;

    WriteTableStep(RevisionRepository revisions) {
        super(revisions);
        this.revisions = revisions;
    }

    @Override
    void execute(ReportParameters params, Revision revision, StepExecution step) throws Exception {
        Path csv = TableCsv.write(params.out(), revisions.table(revision));
        step.getExecutionContext().putString(PATH, csv.toString());
    }
}
