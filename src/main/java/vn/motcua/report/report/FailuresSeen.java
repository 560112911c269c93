package vn.motcua.report.report;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * What made the report executions of this process fail, by execution: Spring Batch keeps an execution's failures in
 * memory only, and the province job runs its reports through job steps, which tell only that the report failed. The
 * province's outcome names the report's own failure (a refusal's sentence) with these.
 */
class FailuresSeen implements JobExecutionListener {

    private final Map<Long, List<Throwable>> failures = new ConcurrentHashMap<>();

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus().isUnsuccessful()) {
            failures.put(execution.getId(), List.copyOf(execution.getAllFailureExceptions()));
        }
    }

    /** The failures of the execution, if it failed in this process; none otherwise. */
    List<Throwable> of(long executionId) {
        return failures.getOrDefault(executionId, List.of());
    }
}
