package vn.motcua.report.report;

import java.nio.file.Path;

import org.springframework.batch.core.step.StepExecution;

import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.revision.UnitRows;

/**
 * Step 4: the revision's table by unit, from the sums by unit the classify step added up, kept with the revision
 * ({@link UnitRows}), and the CSV
 * tables by field and by unit ({@link TableCsv}); the table's path is recorded with the step, committed with it.
 */
class WriteTableStep extends RevisionTasklet {

    static final String NAME = "writeTable";
    static final String PATH = "tablePath";

    private final RevisionRepository revisions;
    private final UnitRows units;

    WriteTableStep(RevisionRepository revisions, UnitRows units) {
        super(revisions);
        this.revisions = revisions;
        this.units = units;
    }

    @Override
    void execute(ReportParameters params, Revision revision, StepExecution step) throws Exception {
        ReportTable table = revisions.table(revision);
        TableCsv.writeUnits(params.out(), units.compute(revision, table));
        Path csv = TableCsv.write(params.out(), table);
        step.getExecutionContext().putString(PATH, csv.toString());
    }
}
