package vn.motcua.report.report;

import java.util.concurrent.FutureTask;

import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.TaskExecutor;

/**
 * Runs the classify step's partitions at once, each on its own thread and in its own step scope from the start:
 * the step-scoped worker step then resolves once per partition, to a step built for that partition (its chunk
 * size, its id range, its reader, processor and writer), rather than through a scoped proxy on every item.
 */
class PartitionWorkers extends TaskExecutorPartitionHandler {

    PartitionWorkers(Step worker, TaskExecutor threads, int partitions) {
        setStep(worker);
        setTaskExecutor(threads);
        setGridSize(partitions);
    }

    @Override
    protected FutureTask<StepExecution> createTask(Step step, StepExecution partition) {
        return new FutureTask<>(() -> {
            StepSynchronizationManager.register(partition);
            try {
                step.execute(partition);
            } finally {
                StepSynchronizationManager.release();
            }
            return partition;
        });
    }
}
