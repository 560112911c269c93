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
    private final WrittenBefore writtenBefore;

    WriteTableStep(RevisionRepository revisions, UnitRows units, WrittenBefore writtenBefore) {
        super(revisions);
        this.revisions = revisions;
        this.units = units;
        this.writtenBefore = writtenBefore;
    }

    @Override
    void execute(ReportParameters params, Revision revision, StepExecution step) throws Exception {
        ReportTable table = revisions.table(revision);
        ReportTable byUnit = units.compute(revision, table);
        writtenBefore.keptOrWritten(step, TableCsv.unitsPath(params.out(), revision),
                () -> TableCsv.writeUnits(params.out(), byUnit));
        Path csv = writtenBefore.keptOrWritten(step, TableCsv.path(params.out(), revision),
                () -> TableCsv.write(params.out(), table));
        step.getExecutionContext().putString(PATH, csv.toString());
    }
}
