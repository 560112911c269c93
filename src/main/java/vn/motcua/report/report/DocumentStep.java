package vn.motcua.report.report;

import java.nio.file.Path;

import org.springframework.batch.core.step.StepExecution;

import vn.motcua.report.document.ReportDocuments;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.revision.RevisionStatus;

/** Step 6: the draft PDF ("DỰ THẢO" on every page); its dossier lists stream inside this step's transaction. */
class DocumentStep extends RevisionTasklet {

    private final RevisionRepository revisions;
    private final ReportDocuments documents;

    DocumentStep(RevisionRepository revisions, ReportDocuments documents) {
        super(revisions);
        this.revisions = revisions;
        this.documents = documents;
    }

    @Override
    void execute(ReportParameters params, Revision revision, StepExecution step) throws Exception {
        Path pdf = documents.write(params.out(), revision, true);
        step.getJobExecution().getExecutionContext().putString(ReportJobConfiguration.DOCUMENT_PATH, pdf.toString());
        revisions.setStatus(revision.id(), RevisionStatus.COMPLETED);
    }
}
