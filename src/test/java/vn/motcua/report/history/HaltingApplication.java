package vn.motcua.report.history;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.step.tasklet.TaskletStep;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.motcua.report.MotcuaReportApplication;
import vn.motcua.report.report.ReportJobConfiguration;

/**
 * The product's own main, with the JVM halted at one point of the report job as kill -9 would stop it (no
 * shutdown hook, no rollback but the database's own), for {@link KillAndRestartProcessIT}:
 * {@code java -cp TEST_CLASSPATH vn.motcua.report.history.HaltingApplication POINT COMMAND...}. The points:
 * <ul>
 * <li>{@code before-job}: the revision reserved, the report job not started (no job instance yet);</li>
 * <li>{@code partition-cut}: the classify step's second partition saved, its context (its id range) not yet;</li>
 * <li>{@code held-in-classify}: not a halt: the classify step holds, its partitions' 21st chunk about to commit
 * and 20 committed, until the process is killed (a run caught working);</li>
 * <li>{@code classify}: the second chunk of classify (over all its partitions) about to commit, the first one
 * written: a restart has work done and work left;</li>
 * <li>{@code check}: the check step's transaction begun, its checks not;</li>
 * <li>{@code document}: the PDF written and its path recorded with the step, the step not committed;</li>
 * <li>{@code third-document}: as {@code document}, at the third report's PDF: in a province's run, a centre's
 * report, while the reports beside it are where they are (two are made at once);</li>
 * <li>{@code after-last-step}: every step committed, the execution not yet recorded COMPLETED;</li>
 * <li>{@code after-job}: the execution recorded COMPLETED, its revision not yet (a kill while the revision
 * lifecycle completes it);</li>
 * <li>{@code after-revision}: the execution and its revision COMPLETED, the command not yet done.</li>
 * </ul>
 * A bean post-processor, added to the application by a Spring Boot hook, puts the halt on the product's beans:
 * on the job operator, the job repository, the report job (a listener) or a step's tasklet.
 */
public final class HaltingApplication {

    /** The exit code of a halted JVM, as of one killed by SIGKILL. */
    static final int HALTED = 137;

    private HaltingApplication() {
    }

    public static void main(String[] args) {
        HaltAt halts = new HaltAt(Point.of(args[0]));
        String[] command = Arrays.copyOfRange(args, 1, args.length);
        SpringApplication.withHook(application -> {
            application.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(halts));
            return null;
        }, () -> MotcuaReportApplication.main(command));
    }

    enum Point {
        BEFORE_JOB, PARTITION_CUT, HELD_IN_CLASSIFY, CLASSIFY, CHECK, DOCUMENT, THIRD_DOCUMENT, AFTER_LAST_STEP, AFTER_JOB,
        AFTER_REVISION;

        static Point of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Puts the halt at its point on the bean that reaches it. */
    static final class HaltAt implements BeanPostProcessor {

        private static final Logger log = LoggerFactory.getLogger(HaltAt.class);

        private final Point point;
        /** The classify chunks about to commit: step execution and commit count, as a chunk counts once. */
        private final Set<String> classifyChunks = ConcurrentHashMap.newKeySet();
        /** The report documents written so far, by every report job this JVM runs. */
        private final AtomicInteger documents = new AtomicInteger();

        HaltAt(Point point) {
            this.point = point;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            return switch (point) {
                case BEFORE_JOB, AFTER_REVISION -> bean instanceof JobOperator ? decorated(bean, this::aroundTheReportJob) : bean;
                case PARTITION_CUT -> bean instanceof JobRepository ? decorated(bean, this::beforeAPartitionsRangeIsSaved) : bean;
                case HELD_IN_CLASSIFY, CLASSIFY -> bean instanceof JobRepository ? decorated(bean, this::beforeAClassifyChunkCommits) : bean;
                case CHECK -> haltingInside(bean, "check", true);
                case DOCUMENT, THIRD_DOCUMENT -> haltingInside(bean, "document", false);
                case AFTER_LAST_STEP -> bean instanceof JobRepository ? decorated(bean, this::beforeTheJobIsRecordedCompleted) : bean;
                case AFTER_JOB -> haltingAfterTheJob(bean);
            };
        }

        /** The step's tasklet halts inside the step's transaction: before its work, or once it is done. */
        private Object haltingInside(Object bean, String stepName, boolean before) {
            if (bean instanceof TaskletStep step && step.getName().equals(stepName)) {
                Tasklet work = step.getTasklet();
                step.setTasklet(before ? (contribution, chunk) -> {
                    halt();
                    return work.execute(contribution, chunk);
                } : (contribution, chunk) -> {
                    RepeatStatus done = work.execute(contribution, chunk);
                    if (point != Point.THIRD_DOCUMENT || documents.incrementAndGet() == 3) {
                        halt();
                    }
                    return done;
                });
            }
            return bean;
        }

        /**
         * The report job halts once Spring Batch recorded its execution COMPLETED, before the revision lifecycle
         * marks the revision (listeners end in the reverse order of their registration: this one first).
         */
        private Object haltingAfterTheJob(Object bean) {
            if (bean instanceof AbstractJob job && job.getName().equals(ReportJobConfiguration.JOB_NAME)) {
                job.registerJobExecutionListener(new JobExecutionListener() {
                    @Override
                    public void afterJob(JobExecution execution) {
                        if (execution.getStatus() == BatchStatus.COMPLETED) {
                            halt();
                        }
                    }
                });
            }
            return bean;
        }

        /** Every step committed: as the job repository is about to record the report job's execution COMPLETED. */
        private Object beforeTheJobIsRecordedCompleted(MethodInvocation call) throws Throwable {
            if (call.getMethod().getName().equals("update") && call.getArguments()[0] instanceof JobExecution execution
                    && execution.getJobInstance().getJobName().equals(ReportJobConfiguration.JOB_NAME)
                    && execution.getStatus() == BatchStatus.COMPLETED) {
                halt();
            }
            return call.proceed();
        }

        /**
         * before-job: as the operator is asked to start the report job. after-revision: as the operator hands back
         * the report job's execution COMPLETED, its revision marked too.
         */
        private Object aroundTheReportJob(MethodInvocation call) throws Throwable {
            if (point == Point.BEFORE_JOB && call.getMethod().getName().equals("start")
                    && call.getArguments()[0] instanceof Job job && job.getName().equals(ReportJobConfiguration.JOB_NAME)) {
                halt();
            }
            Object result = call.proceed();
            if (point == Point.AFTER_REVISION && result instanceof JobExecution execution
                    && execution.getJobInstance().getJobName().equals(ReportJobConfiguration.JOB_NAME)
                    && execution.getStatus() == BatchStatus.COMPLETED) {
                halt();
            }
            return result;
        }

        /**
         * A chunk-oriented step saves its execution inside each chunk's transaction, just before it commits: the
         * second classify chunk to get there halts, its cells not committed. (A last read that finds nothing
         * saves the execution too, without a new commit count: not a chunk.)
         */
        /** Spring Batch saves a new partition's step execution, then its context: halted between the two, for ids1. */
        private Object beforeAPartitionsRangeIsSaved(MethodInvocation call) throws Throwable {
            if (call.getMethod().getName().equals("updateExecutionContext")
                    && call.getArguments()[0] instanceof StepExecution step
                    && step.getStepName().equals(ReportJobConfiguration.CLASSIFY_PARTITION + ":ids1")) {
                halt();
            }
            return call.proceed();
        }

        private Object beforeAClassifyChunkCommits(MethodInvocation call) throws Throwable {
            if (call.getMethod().getName().equals("update") && call.getArguments()[0] instanceof StepExecution step
                    && step.getStepName().startsWith(ReportJobConfiguration.CLASSIFY) && step.getCommitCount() > 0
                    && TransactionSynchronizationManager.isActualTransactionActive()
                    && classifyChunks.add(step.getId() + ":" + step.getCommitCount())) {
                if (point == Point.CLASSIFY && classifyChunks.size() >= 2) {
                    halt();
                }
                if (point == Point.HELD_IN_CLASSIFY && classifyChunks.size() > 20) {
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
            return call.proceed();
        }

        private static Object decorated(Object bean, MethodInterceptor interceptor) {
            ProxyFactory proxy = new ProxyFactory(bean);
            proxy.addAdvice(interceptor);
            return proxy.getProxy();
        }

        private void halt() {
            log.warn("halting the JVM at {}, as kill -9 would", point);
            Runtime.getRuntime().halt(HALTED);
        }
    }
}
