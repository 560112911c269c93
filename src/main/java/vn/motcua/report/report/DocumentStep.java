package vn.motcua.report.report;

import java.nio.file.Path;

import org.springframework.batch.core.step.StepExecution;

import vn.motcua.report.document.ReportDocuments;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;

/**
 * Step 6: the draft PDF ("DỰ THẢO" on every page); its dossier lists stream inside this step's transaction,
 * and its path is recorded with the step, committed with it. The revision is not completed here but when
 * the whole execution is ({@link ReportService}).
 */
class DocumentStep extends RevisionTasklet {

    static final String NAME = "document";
    static final String PATH = "documentPath";

    private final ReportDocuments documents;

    DocumentStep(RevisionRepository revisions, ReportDocuments documents) {
        super(revisions);
        this.documents = documents;
    }

    @Override
    void execute(ReportParameters params, Revision revision, StepExecution step) throws Exception {
        Path pdf = documents.write(params.out(), revision, true);
        step.getExecutionContext().putString(PATH, pdf.toString());
    }
}
