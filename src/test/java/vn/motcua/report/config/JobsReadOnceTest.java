package vn.motcua.report.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import vn.motcua.report.DatabaseTest;

/**
 * A command reads each jobs file once, however often the rooms ask (a run asks for report.yaml's settings in the
 * service, the workbook step and the document step); the next command reads them again. The application's one
 * JobsFolder is watched: {@code content} is where a file is read.
 */
class JobsReadOnceTest extends DatabaseTest {

    @MockitoSpyBean
    JobsFolder jobs;

    @Test
    void aRun_readsEachJobsFileOnce_andTheNextCommandReadsThemAfresh() {
        Run run = cli("run", "--period", "2021-02", "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        verify(jobs, atLeast(4)).reportSettings();
        verify(jobs, times(1)).content("report.yaml");
        verify(jobs, times(1)).content("periods/2021-02.yaml");
        verify(jobs, times(1)).content("catalogue.yaml");
        verify(jobs, never()).content("import-mapping.yaml");

        Run next = cli("run", "--period", "2021-03", "--out", tmp.toString());
        assertThat(next.exitCode()).as(next.err()).isZero();
        verify(jobs, times(2)).content("report.yaml");
        verify(jobs, times(1)).content("periods/2021-03.yaml");
        verify(jobs, times(2)).content("catalogue.yaml");
    }

    @Test
    void anImport_readsTheCatalogueAndTheMappingOnce() throws Exception {
        Run imported = cli("import", "dossiers", file("feb.csv", """
                code,field,procedure,channel,received_at,due_at,finished_at,outcome
                D1,dat-dai,Cấp GCN,direct,2021-02-01,2021-02-10,2021-02-09,resolved
                """).toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        verify(jobs, times(1)).content("catalogue.yaml");
        verify(jobs, times(1)).content("import-mapping.yaml");
        verify(jobs, never()).content("report.yaml");
    }
}
