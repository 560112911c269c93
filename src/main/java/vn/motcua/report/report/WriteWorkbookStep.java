package vn.motcua.report.report;

import java.nio.file.Path;

import org.springframework.batch.core.step.StepExecution;

import vn.motcua.report.document.ReportDocuments;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;

/** Step 5: the workbook (the forms as sheets, the complete dossier lists); the lists stream inside this step's transaction;
 * its path is recorded with the step, committed with it. */
class WriteWorkbookStep extends RevisionTasklet {

    static final String NAME = "writeWorkbook";
    static final String PATH = "workbookPath";

    private final ReportDocuments documents;
    private final WrittenBefore writtenBefore;

    WriteWorkbookStep(RevisionRepository revisions, ReportDocuments documents, WrittenBefore writtenBefore) {
        super(revisions);
        this.documents = documents;
        this.writtenBefore = writtenBefore;
    }

    @Override
    void execute(ReportParameters params, Revision revision, StepExecution step) throws Exception {
        Path xlsx = writtenBefore.keptOrWritten(step, ReportDocuments.workbookPath(params.out(), revision),
                () -> documents.writeWorkbook(params.out(), revision));
        step.getExecutionContext().putString(PATH, xlsx.toString());
    }
}
