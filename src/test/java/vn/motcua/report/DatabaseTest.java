package vn.motcua.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.report.centre.Centres;
import vn.motcua.report.cli.Cli;
import vn.motcua.report.cli.Launcher;
import vn.motcua.report.cli.Terminal;
import vn.motcua.report.system.Messages;

/**
 * Base of the tests that need the database: the real embedded PostgreSQL (one per test JVM, under
 * target/test-home, or target/test-homeN in Maven's Nth test JVM: they run two at once), emptied before each test, and the command line as a user runs it (in English, the
 * language the assertions are written in; messages in Vietnamese are tested on their own).
 */
@SpringBootTest(properties = {"motcua.home=target/test-home${motcua.test-fork:}", "motcua.jobs=" + DatabaseTest.JOBS_FOLDER})
public abstract class DatabaseTest {

    /**
     * The tests' own jobs/ folder (a copy of the shipped one, as the tests expect it): a centre editing the
     * shipped jobs/report.yaml cannot break the build.
     */
    public static final String JOBS_FOLDER = "src/test/resources/jobs";
    public static final Path JOBS = Path.of(JOBS_FOLDER);

    /**
     * A jobs folder of a test's own (for its static initialiser, before its Spring context reads it): the tests'
     * report.yaml, catalogue.yaml and import-mapping.yaml, and {@code centresYaml} as centres.yaml unless null.
     */
    public static void jobsFolder(String folder, String centresYaml) {
        try {
            Path jobs = Files.createDirectories(Path.of(folder));
            for (String name : new String[] {"report.yaml", "catalogue.yaml", "import-mapping.yaml"}) {
                Files.copy(JOBS.resolve(name), jobs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            if (centresYaml != null) {
                Files.writeString(jobs.resolve(Centres.FILE), centresYaml, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo province's centres.yaml, as the jar carries it. */
    public static String provinceCentres() {
        try (InputStream in = DatabaseTest.class.getResourceAsStream("/demo/province/centres.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where this test JVM's scratch folder {@code name} goes: target/nameN in Maven's Nth test JVM. */
    public static Path ownFolder(String name) {
        return Path.of("target", name + System.getProperty("motcua.test-fork", "")).toAbsolutePath();
    }

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected Cli cli;

    @TempDir
    protected Path tmp;

    @BeforeEach
    void emptyDatabase() {
        jdbc.execute("""
                TRUNCATE report_seal, report_renewal, report_cited_centre, report_centre_row, report_dossier_block, report_row, report_unit_row, report_unit_name, report_unit_sum, report_revision, import_reject, import_dossier, import_transfer, import_refused_code,
                         transfer, dossier, import_batch,
                         batch_step_execution_context, batch_step_execution, batch_job_execution_context,
                         batch_job_execution_params, batch_job_execution, batch_job_instance""");
        // Tests may add fields to the catalogue or retire some; the seeded 18 stay, listed in their order.
        jdbc.update("DELETE FROM field WHERE position > 18");
        jdbc.update("UPDATE field SET retired = false, sort_order = position");
        jdbc.update("DELETE FROM field_alias");
        jdbc.update("DELETE FROM unit");
        jdbc.update("DELETE FROM procedure_field");
    }

    /** What one command printed and returned. */
    public record Run(int exitCode, String out, String err) {
    }

    /**
     * Runs a command as {@code MOTCUA_LANG=en java -jar motcua-report.jar ARGS} would: parsed and checked by the
     * real command line, then run in this test's application. English, so that assertions read as the code;
     * {@link #cliIn} runs it in another language (Vietnamese is the users' default).
     */
    protected Run cli(String... args) {
        return cliIn(java.util.Locale.ENGLISH, args);
    }

    /** Runs a command with the terminal in the given language. */
    protected Run cliIn(java.util.Locale language, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Messages.of(language));
        Launcher.Parsed parsed = Launcher.parse(args, terminal);
        int code = parsed.command() == null ? parsed.exitCode() : cli.execute(parsed.command(), terminal);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Writes a file in the test's temporary folder. */
    protected Path file(String name, String content) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    protected long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }
}
