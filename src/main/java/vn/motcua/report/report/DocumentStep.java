package vn.motcua.report.report;

import java.nio.file.Path;

import org.springframework.batch.core.step.StepExecution;

import vn.motcua.report.document.ReportDocuments;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;

/**
 * Step 6: the draft PDF ("DỰ THẢO" on every page); its dossier lists stream inside this step's transaction,
 * and its path is recorded with the step, committed with it (a PDF an earlier attempt of the step wrote is kept,
 * {@link WrittenBefore}). The revision is not completed here but when
 * the whole execution is ({@link ReportService}).
 */
class DocumentStep extends RevisionTasklet {

    static final String NAME = "document";
    static final String PATH = "documentPath";

    private final ReportDocuments documents;
    private final WrittenBefore writtenBefore;

    DocumentStep(RevisionRepository revisions, ReportDocuments documents, WrittenBefore writtenBefore) {
        super(revisions);
        this.documents = documents;
        this.writtenBefore = writtenBefore;
    }

    @Override
    void execute(ReportParameters params, Revision revision, StepExecution step) throws Exception {
        Path pdf = writtenBefore.keptOrWritten(step, ReportDocuments.path(params.out(), revision),
                () -> documents.write(params.out(), revision, true));
        step.getExecutionContext().putString(PATH, pdf.toString());
    }
}
