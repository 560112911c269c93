package vn.motcua.report.report;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Spring Batch's splitter, safe against a kill while it cuts. It saves a new partition's step execution, then, in a
 * second transaction, the partition's context (its id range, its centre): a process killed between the two leaves a
 * partition whose saved context is empty, and Spring Batch would restart it with that (a classify partition would
 * read every dossier again, a centre's partition no centre). Every context this splitter saves carries {@link #CUT};
 * on a restart, a partition whose last context lacks it gets its newest context that has it, and one that never had
 * one (it never ran: its workers start only once every partition is cut) the context the partitioner cuts now.
 */
class RestartSafeSplitter extends SimpleStepExecutionSplitter {

    private static final Logger log = LoggerFactory.getLogger(RestartSafeSplitter.class);

    /** The mark of a context as the partitioner cut it (and as the partition's steps then kept it). */
    static final String CUT = "partition.cut";
    /** Between the manager step's partition name and a partition's: Spring Batch's own ("classifyPartition:ids0"). */
    private static final String SEPARATOR = ":";
    /** Where Spring Batch's splitter keeps the grid size of the first cut in the manager step's context. */
    private static final String GRID_SIZE = SimpleStepExecutionSplitter.class.getSimpleName() + ".GRID_SIZE";

    private final JobRepository jobRepository;
    private final String stepName;
    private final Partitioner partitioner;

    RestartSafeSplitter(JobRepository jobRepository, String stepName, Partitioner partitioner) {
        super(jobRepository, stepName, marked(partitioner));
        this.jobRepository = jobRepository;
        this.stepName = stepName;
        this.partitioner = marked(partitioner);
    }

    private static Partitioner marked(Partitioner partitioner) {
        return gridSize -> {
            Map<String, ExecutionContext> cut = partitioner.partition(gridSize);
            cut.values().forEach(context -> context.put(CUT, true));
            return cut;
        };
    }

    @Override
    public Set<StepExecution> split(StepExecution manager, int gridSize) throws JobExecutionException {
        Set<StepExecution> partitions = super.split(manager, gridSize);
        Map<String, ExecutionContext> cutNow = null;
        for (StepExecution partition : partitions) {
            if (partition.getExecutionContext().containsKey(CUT)) {
                continue;
            }
            Optional<ExecutionContext> kept = newestCut(manager.getJobExecution(), partition);
            if (kept.isEmpty() && cutNow == null) {
                cutNow = partitioner.partition((int) manager.getExecutionContext().getLong(GRID_SIZE, gridSize));
            }
            String name = partition.getStepName().substring(stepName.length() + SEPARATOR.length());
            ExecutionContext context = kept.orElse(cutNow == null ? null : cutNow.get(name));
            if (context == null) {
                throw new JobExecutionException("Partition " + partition.getStepName()
                        + " has no saved context and the partitioner no longer cuts it");
            }
            log.warn("Partition {} was saved without its context (a process killed while the partitions were cut):"
                    + " it resumes with {}", partition.getStepName(), kept.isPresent() ? "its last saved one" : "a new cut");
            partition.setExecutionContext(new ExecutionContext(context));
            jobRepository.updateExecutionContext(partition);
        }
        return partitions;
    }

    /** The newest context of this partition, in the job instance's earlier executions, that the cut saved. */
    private Optional<ExecutionContext> newestCut(JobExecution current, StepExecution partition) {
        return jobRepository.getJobExecutions(current.getJobInstance()).stream()
                .flatMap(execution -> execution.getStepExecutions().stream())
                .filter(step -> step.getStepName().equals(partition.getStepName()) && step.getId() != partition.getId()
                        && step.getExecutionContext().containsKey(CUT))
                .max(Comparator.comparingLong(StepExecution::getId))
                .map(StepExecution::getExecutionContext);
    }
}
