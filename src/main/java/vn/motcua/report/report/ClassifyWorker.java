package vn.motcua.report.report;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

import vn.motcua.report.classify.Classification;
import vn.motcua.report.classify.Classifier;
import vn.motcua.report.classify.InScopeDossierReader;
import vn.motcua.report.classify.InScopeDossierReader.InScope;
import vn.motcua.report.period.Period;
import vn.motcua.report.revision.ClassificationWriter;

/**
 * The classify step's work: a chunk-oriented step (cursor reader, {@link Classifier}, {@link ClassificationWriter},
 * and the sums by unit, {@link UnitSums}), built afresh for each step execution from the job's parameters, with the beans and settings of its
 * {@link ClassifyStep}. That is what {@code @StepScope} beans would do, without a scoped proxy resolving the
 * reader and the processor on every item (a third of the step's time on a province's month, measured). As a
 * partition's worker it reads the id range its execution context gives ({@link ClassifyStep#AFTER_ID},
 * {@link ClassifyStep#TO_ID}); alone it reads every dossier.
 */
class ClassifyWorker implements Step {

    /** A dossier's cell and its unit. */
    record Counted(Classification classification, String unit) {
    }

    private final ClassifyStep step;
    private final String name;
    private final int chunkSize;

    /** {@code chunkSize}: the execution's own ({@link ReportParameters#chunkSize}). */
    ClassifyWorker(ClassifyStep step, String name, int chunkSize) {
        this.step = step;
        this.name = name;
        this.chunkSize = chunkSize;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void execute(StepExecution stepExecution) throws JobInterruptedException {
        ReportParameters params = ReportParameters.from(stepExecution.getJobParameters());
        Period period = params.period();
        long revisionId = step.revisions.of(period.named(), params.revision()).id();
        ExecutionContext context = stepExecution.getExecutionContext();
        Classifier classifier = new Classifier(period);
        UnitSums units = new UnitSums();
        new StepBuilder(name, step.jobRepository)
                .<InScope, Counted>chunk(chunkSize)
                .transactionManager(step.tx)
                .reader(new InScopeDossierReader(step.dataSource, period, step.fetchSize,
                        context.getLong(ClassifyStep.AFTER_ID, 0L), context.getLong(ClassifyStep.TO_ID, Long.MAX_VALUE)))
                // Out-of-scope dossiers (rule 1) are filtered out here and counted as the step's filter count.
                .processor(item -> classifier.classify(item.dossier()).map(c -> new Counted(c, item.unit())).orElse(null))
                .writer(cellsAndUnitSums(new ClassificationWriter(step.jdbc, revisionId), units))
                .stream(units)
                .build()
                .execute(stepExecution);
    }

    /** Writes the cells and the sums by field, adds the chunk to the sums by unit. */
    private static ItemWriter<Counted> cellsAndUnitSums(ClassificationWriter writer, UnitSums units) {
        return chunk -> {
            List<Classification> cells = new ArrayList<>(chunk.size());
            for (Counted c : chunk) {
                cells.add(c.classification());
            }
            writer.write(new Chunk<>(cells));
            for (Counted c : chunk) {
                units.add(c.unit(), c.classification());
            }
        };
    }
}
