package vn.motcua.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.config.MotcuaProperties;
import vn.motcua.report.db.MotcuaHome;
import vn.motcua.report.fault.DatabaseFaults;
import vn.motcua.report.system.Messages;

/**
 * A database that stops answering, as the command line meets it, with real servers: a data source pointing at a
 * port where nothing listens, and a throwaway PostgreSQL (not the tests' shared one) whose postmaster is stopped
 * with SIGSTOP while a command runs. Each time the user reads one sentence naming the database, and exit 1; a
 * long statement on a database that answers is left alone.
 */
class DatabaseFaultsTest {

    private static final Pattern INTERNALS = Pattern.compile("Exception|java\\.|SQL|ERROR:|\\tat ");
    /** The watch's patience here ({@code motcua.database-patience}; 20 s by default): a stopped server is told sooner. */
    private static final Duration PATIENCE = Duration.ofSeconds(8);

    @TempDir
    Path tmp;

    /** What a command printed, its exit code, and the exit code the process was ended with, if it was. */
    record Ended(int exitCode, Integer halted, String out, String err) {
        void plain() {
            for (String line : (out + err).split("\n")) {
                assertThat(INTERNALS.matcher(line).find()).as("an internal shown: " + line).isFalse();
            }
        }
    }

    @Test
    void aServerWhereNothingListens_isNamedInOneSentence_exitOne() throws Exception {
        int port = portNothingListensOn();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/motcua";
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("motcua");
        config.setConnectionTimeout(1_000);
        // The pool starts though the server is not there, as Spring Boot's does (the first connection is asked later).
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource pool = new HikariDataSource(config);
             AnnotationConfigApplicationContext spring = context(tmp.resolve("home"), pool, Map.of("spring.datasource.url", url))) {
            Cli cli = spring.getBean(Cli.class);
            for (Locale language : List.of(Locale.ENGLISH, Messages.VIETNAMESE)) {
                Ended ended = within(Duration.ofSeconds(30), cli, language, false, terminal -> {
                    new JdbcTemplate(spring.getBean(DataSource.class)).queryForObject("SELECT 1", Integer.class);
                    return ExitCode.OK;
                });
                assertThat(ended.exitCode()).isEqualTo(ExitCode.FAILED);
                assertThat(ended.err()).isEqualTo("motcua-report: " + Messages.of(language)
                        .text("fault.database.server", "127.0.0.1:" + port) + "\n");
                assertThat(ended.err()).contains("127.0.0.1:" + port).contains("restart --period");
                ended.plain();
            }
        }
    }

    @Test
    void aStoppedPostmaster_endsTheCommand_withTheSentenceNamingTheEmbeddedDatabase_exitOne() throws Exception {
        Path home = tmp.resolve("home");
        try (EmbeddedPostgres throwaway = throwaway(home);
             HikariDataSource pool = pool(throwaway);
             AnnotationConfigApplicationContext spring = context(home, pool, Map.of())) {
            Cli cli = spring.getBean(Cli.class);
            long postmaster = Long.parseLong(Files.readAllLines(home.resolve("db/postmaster.pid")).get(0).trim());
            CountDownLatch halted = new CountDownLatch(1);
            cli.halt = code -> halted.countDown();
            Ended ended;
            try {
                ended = within(Duration.ofSeconds(90), cli, Locale.ENGLISH, true, terminal -> {
                    JdbcTemplate jdbc = new JdbcTemplate(spring.getBean(DataSource.class));
                    assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
                    signal("STOP", postmaster);
                    // A statement that never comes back, as on a server that hangs: only the watch can end it.
                    assertThat(halted.await(90, TimeUnit.SECONDS)).as("the watch ended the command").isTrue();
                    return ExitCode.OK;
                });
            } finally {
                signal("CONT", postmaster);
            }
            assertThat(ended.halted()).isEqualTo(ExitCode.FAILED);
            assertThat(ended.err()).isEqualTo("motcua-report: " + Messages.of(Locale.ENGLISH)
                    .text("fault.database.embedded", home.resolve("db").toAbsolutePath()) + "\n");
            assertThat(ended.err()).startsWith("motcua-report: the embedded database in " + home.resolve("db").toAbsolutePath()
                    + " does not answer");
            ended.plain();
        }
    }

    @Test
    void aLongStatement_onADatabaseThatAnswers_isNotCut() throws Exception {
        Path home = tmp.resolve("home");
        try (EmbeddedPostgres throwaway = throwaway(home);
             HikariDataSource pool = pool(throwaway);
             AnnotationConfigApplicationContext spring = context(home, pool, Map.of())) {
            Cli cli = spring.getBean(Cli.class);
            // Longer than the watch's patience: the watch asks on its own connection, which answers.
            Ended ended = within(Duration.ofSeconds(120), cli, Locale.ENGLISH, true, terminal -> {
                new JdbcTemplate(spring.getBean(DataSource.class)).execute("SELECT pg_sleep(" + PATIENCE.toSeconds() * 2 + ")");
                return ExitCode.OK;
            });
            assertThat(ended.halted()).isNull();
            assertThat(ended.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(ended.err()).isEmpty();
        }
    }

    /** Runs a command (watched, as the process does, or not) and waits for its end, for at most {@code limit}. */
    private static Ended within(Duration limit, Cli cli, Locale language, boolean watched, Cli.Command command)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Messages.of(language));
        Integer[] halted = {null};
        var recordHalt = cli.halt;
        cli.halt = code -> {
            halted[0] = code;
            recordHalt.accept(code);
        };
        try {
            int code = CompletableFuture.supplyAsync(() -> watched ? cli.executeWatched(command, terminal)
                    : cli.execute(command, terminal)).get(limit.toSeconds(), TimeUnit.SECONDS);
            return new Ended(code, halted[0], out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            cli.halt = recordHalt;
        }
    }

    /** The beans the command line needs to word a database fault: MOTCUA_HOME, the data source, the settings, the jobs files. */
    private static AnnotationConfigApplicationContext context(Path home, DataSource dataSource, Map<String, Object> settings) {
        AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext();
        Map<String, Object> properties = new HashMap<>(settings);
        spring.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        spring.registerBean(MotcuaHome.class, () -> new MotcuaHome(home.toAbsolutePath()));
        spring.registerBean(DataSource.class, () -> dataSource);
        spring.registerBean(MotcuaProperties.class, () -> new MotcuaProperties(home.toString(), "", "", 10_000, 100_000,
                10_000, 2, PATIENCE, new MotcuaProperties.Import(10_000)));
        spring.registerBean(DatabaseFaults.class);
        // The bundled jobs files: the command line reads them afresh before each command.
        spring.registerBean(JobsFolder.class, () -> new JobsFolder(null));
        spring.registerBean(Cli.class, () -> new Cli(spring, home.resolve("logs/motcua-report.log").toString()));
        spring.refresh();
        return spring;
    }

    /** A PostgreSQL of this test's own, its data in {@code home/db}, so the test home's MotcuaHome names it. */
    private static EmbeddedPostgres throwaway(Path home) throws IOException {
        Path binaries = Files.createDirectories(DatabaseTest.ownFolder("test-faults-pg-bin"));
        return EmbeddedPostgres.builder().setDataDirectory(home.resolve("db")).setCleanDataDirectory(true)
                .setOverrideWorkingDirectory(binaries.toFile()).start();
    }

    private static HikariDataSource pool(EmbeddedPostgres server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://localhost:" + server.getPort() + "/postgres");
        config.setUsername("postgres");
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    private static int portNothingListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor())
                .as("kill -%s %d", signal, pid).isZero();
    }
}
