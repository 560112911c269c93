package vn.motcua.report.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.system.Messages;
import vn.motcua.report.system.Refusal;
import vn.motcua.report.system.Sha256;

/**
 * The embedded database admits only its operator, keeps what it acknowledged, and what it keeps on disk is the
 * operator's alone: checked on the tests' own server (target/test-home or -homeN), as another account on this machine
 * would try it, and on homes left loose or owned by another account.
 */
class EmbeddedDatabaseAccessTest extends DatabaseTest {

    private static final String OUTSIDER = "motcua-outsider";

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    MotcuaHome home;

    @Test
    void everyCommitIsOnDiskBeforeItIsAcknowledged() {
        assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW full_page_writes", String.class)).isEqualTo("on");
    }

    @Test
    void theProductsRole_isNoSuperuser_andCannotDisableTriggersNorReadTheMachinesFiles() {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(EmbeddedPostgresServer.ROLE);
        assertThat(jdbc.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", Boolean.class)).isFalse();
        assertThat(jdbc.queryForObject("SELECT rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user",
                Boolean.class)).isFalse();
        // What a superuser could do to a signed revision and to the machine.
        assertThatThrownBy(() -> jdbc.execute("SET session_replication_role = replica"))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.queryForObject("SELECT pg_read_file('/etc/hostname')", String.class))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.execute("COPY (SELECT 1) TO '/tmp/motcua-copy-to-test'"))
                .rootCause().hasMessageContaining("permission denied");
        // It owns what it works on: the tables the migrations made.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> current_user",
                Long.class)).isZero();
    }

    @Test
    void aTcpLogin_withoutThePassword_orWithAWrongOne_isRefused_theRightOneWorks() throws Exception {
        String password = EmbeddedPostgresServer.passwordOf(home);
        assertThat(loginError("postgres", null)).isNotNull();
        assertThat(loginError("postgres", "")).isNotNull();
        assertThat(loginError("postgres", password)).as("the superuser's password is not the product's").isNotNull();
        assertThat(loginError(EmbeddedPostgresServer.ROLE, password + "x")).isEqualTo("28P01");
        assertThat(loginError(EmbeddedPostgresServer.ROLE, password)).as("the product's own login").isNull();
        assertThat(Files.readString(home.database().resolve("pg_hba.conf")).lines()
                .filter(l -> l.startsWith("host")).toList())
                .isNotEmpty().allSatisfy(line -> assertThat(line).endsWith("scram-sha-256"));
    }

    @Test
    void theHome_isTheOperatorsAlone_foldersAndFiles_andNoProgramIsWritableByOthers() throws IOException {
        assumeTrue(OwnFolders.POSIX || say("files have no owners and modes here"), "files have no owners and modes here");
        Path root = home.path().toRealPath();
        assertThat(modes(root)).isEqualTo("rwx------");
        assertThat(modes(home.database())).isEqualTo("rwx------"); // what is inside is PostgreSQL's, 0700 and 0600 too
        List<Path> parts = new ArrayList<>(List.of(home.binaries().toRealPath()));
        Path data = home.database().toRealPath();
        try (Stream<Path> top = Files.list(root)) {
            top.filter(p -> !p.equals(data)).forEach(parts::add);
        }
        List<String> loose = new ArrayList<>();
        for (Path part : parts) {
            List<Path> all;
            try (Stream<Path> walk = Files.walk(part)) {
                all = walk.toList();
            }
            for (Path p : all) {
                if (Files.isSymbolicLink(p) || p.equals(root.resolve("logs/motcua-report.log"))) {
                    continue; // a link has no modes; the log file is the logging's own
                }
                Set<PosixFilePermission> m = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                if (folder ? !modes(p).equals("rwx------") : !(modes(p).equals("rw-------") || modes(p).equals("rwx------"))) {
                    loose.add(p + " " + PosixFilePermissions.toString(m));
                }
                if (!OwnFolders.mine(p)) {
                    loose.add(p + " owned by " + Files.getOwner(p, LinkOption.NOFOLLOW_LINKS));
                }
            }
        }
        assertThat(loose).isEmpty();
        assertThat(modes(home.passwords())).isEqualTo("rw-------");
        assertThat(modes(home.sockets())).isEqualTo("rwx------");
        assertThat(Files.list(home.binaries().toRealPath()).toList()).isNotEmpty();
    }

    @Test
    void anotherAccount_cannotConnect_overTcpNorTheSocket_norWriteInTheHome() throws Exception {
        String skip = !"0".equals(run(List.of("id", "-u")).out.trim()) ? "not running as root: cannot make another account"
                : !onPath("useradd") || !onPath("runuser") || !onPath("psql") ? "useradd, runuser or psql is missing"
                : null;
        assumeTrue(skip == null || say(skip), skip);
        // A home of its own in a folder every account can reach (the build's folder may not be): what stops the
        // account must be the home's own mode, not a closed folder above it.
        Path open = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "motcua-outsider-");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        MotcuaHome home = new MotcuaHome(open.resolve("home"));
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrReuse(home)) {
            anotherAccountIsKeptOut(home, server);
        } finally {
            try (Stream<Path> all = Files.walk(open)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void anotherAccountIsKeptOut(MotcuaHome home, EmbeddedPostgresServer server) throws Exception {
        Path root = home.path().toAbsolutePath();
        String port = Integer.toString(server.port());
        String sockets = home.sockets().toAbsolutePath().toString();
        run(List.of("userdel", OUTSIDER)); // left by a test run killed before its end
        assertThat(run(List.of("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", OUTSIDER)).code).isZero();
        try {
            // The home's parent is open to the account: what stops it is the home's own mode.
            assertThat(as(OUTSIDER, "ls", "-d", root.getParent().toString()).code).isZero();
            // The same psql lines work for the operator: over the socket, and over TCP with the password.
            assertThat(run(List.of("psql", "-w", "-h", sockets, "-p", port, "-U", "postgres", "-d", "motcua", "-c", "select 1")).code)
                    .isZero();
            assertThat(run(List.of("env", "PGPASSWORD=" + EmbeddedPostgresServer.passwordOf(home), "psql", "-w",
                    "-h", "127.0.0.1", "-p", port, "-U", EmbeddedPostgresServer.ROLE, "-d", "motcua", "-c", "select 1")).code)
                    .isZero();

            for (String user : List.of("postgres", EmbeddedPostgresServer.ROLE)) {
                Done tcp = as(OUTSIDER, "psql", "-w", "-h", "127.0.0.1", "-p", port, "-U", user, "-d", "motcua", "-c", "select 1");
                assertThat(tcp.code).as(tcp.out).isNotZero();
                assertThat(tcp.out).contains("password");
                Done socket = as(OUTSIDER, "psql", "-w", "-h", sockets, "-p", port, "-U", user, "-d", "motcua", "-c", "select 1");
                assertThat(socket.code).as(socket.out).isNotZero();
                assertThat(socket.out).contains("Permission denied");
            }
            Path planted = root.resolve("x");
            assertThat(as(OUTSIDER, "touch", planted.toString()).code).isNotZero();
            assertThat(planted).doesNotExist();
            Path program = Files.list(home.binaries().toRealPath()).filter(p -> p.getFileName().toString().startsWith("PG-"))
                    .findFirst().orElseThrow().resolve("bin");
            assertThat(as(OUTSIDER, "touch", program.resolve("x").toString()).code).isNotZero();
            assertThat(as(OUTSIDER, "sh", "-c", "echo > " + program.resolve("postgres")).code).isNotZero();
            assertThat(as(OUTSIDER, "cat", home.passwords().toAbsolutePath().toString()).code).isNotZero();
        } finally {
            run(List.of("userdel", OUTSIDER));
        }
    }

    @Test
    void aLooseHome_isTightened_andProgramsAnotherAccountCouldHaveChanged_areUnpackedAgain() throws Exception {
        assumeTrue(OwnFolders.POSIX || say("files have no owners and modes here"), "files have no owners and modes here");
        MotcuaHome loose = new MotcuaHome(tmp.resolve("home"));
        Path postgres;
        String original;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.startOrReuse(loose)) {
            postgres = Files.list(loose.binaries()).filter(p -> p.getFileName().toString().startsWith("PG-"))
                    .findFirst().orElseThrow().resolve("bin/postgres");
            original = Sha256.of(postgres);
        }
        // As an earlier version left it, and as another account could then have changed it.
        Files.setPosixFilePermissions(loose.path(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(loose.binaries(), PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(loose.logs(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(loose.passwords(), PosixFilePermissions.fromString("rw-r--r--"));
        Path ran = tmp.resolve("the-changed-program-ran");
        Files.writeString(postgres, "#!/bin/sh\ntouch " + ran + "\nexit 1\n");

        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.startOrReuse(loose);
             Connection c = DriverManager.getConnection(again.jdbcUrl(), again.user(), again.password())) {
            assertThat(c.isValid(5)).isTrue();
        }
        assertThat(ran).doesNotExist();
        assertThat(Sha256.of(postgres)).isEqualTo(original);
        assertThat(modes(loose.path())).isEqualTo("rwx------");
        assertThat(modes(loose.binaries())).isEqualTo("rwx------");
        assertThat(modes(loose.logs())).isEqualTo("rwx------");
        assertThat(modes(loose.passwords())).isEqualTo("rw-------");
    }

    @Test
    void aHomeOfAnEarlierVersion_whoseServerTrustedEveryone_isSetUpInPlace_withItsData() throws Exception {
        // Made as earlier versions made it: initdb trusting every connection, the data in the database postgres,
        // owned by postgres; its server left running by a killed command.
        MotcuaHome old = new MotcuaHome(tmp.resolve("old"));
        OwnFolders.folder(old.path());
        Files.createSymbolicLink(old.binaries(), home.binaries().toRealPath()); // the programs, unpacked once
        PostgresBinaries binaries = PostgresBinaries.ready(old);
        Path log = tmp.resolve("old-server.log");
        String data = old.database().toString();
        EmbeddedPostgresServer.run(binaries.command("initdb", List.of("-A", "trust", "-U", "postgres", "-D", data,
                "-E", "UTF-8")), log, 300);
        int oldPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            oldPort = free.getLocalPort();
        }
        EmbeddedPostgresServer.run(binaries.command("pg_ctl", List.of("start", "-D", data, "-w", "-s", "-o",
                "-p " + oldPort + " -c listen_addresses=localhost")), log, 300);
        try (Connection c = DriverManager.getConnection(EmbeddedPostgresServer.jdbcUrl(oldPort, "postgres"), "postgres", "");
             java.sql.Statement sql = c.createStatement()) {
            sql.execute("CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY)");
            sql.execute("CREATE TABLE dossier (id bigserial PRIMARY KEY, code text NOT NULL)");
            sql.execute("INSERT INTO dossier (code) VALUES ('A1'), ('A2'), ('A3')");
            sql.execute("CREATE VIEW dossier_codes AS SELECT code FROM dossier");
            sql.execute("CREATE FUNCTION dossier_kept() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
        }

        try (EmbeddedPostgresServer upgraded = EmbeddedPostgresServer.startOrReuse(old);
             Connection c = DriverManager.getConnection(upgraded.jdbcUrl(), upgraded.user(), upgraded.password());
             java.sql.Statement sql = c.createStatement()) {
            assertThat(upgraded.port()).as("the trusting server was stopped, a new one started").isNotEqualTo(oldPort);
            var rs = sql.executeQuery("SELECT string_agg(code, ',' ORDER BY id), (SELECT rolsuper FROM pg_roles"
                    + " WHERE rolname = current_user) FROM dossier");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("A1,A2,A3");
            assertThat(rs.getBoolean(2)).isFalse();
            sql.execute("INSERT INTO dossier (code) VALUES ('A4')"); // its sequence is the role's too
            sql.execute("CREATE OR REPLACE VIEW dossier_codes AS SELECT code FROM dossier");
            sql.execute("CREATE OR REPLACE FUNCTION dossier_kept() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$");
            var owners = sql.executeQuery("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                    + " AND relowner <> current_user::regrole");
            owners.next();
            assertThat(owners.getLong(1)).isZero();

            var login = new java.util.Properties();
            login.setProperty("user", "postgres");
            assertThatThrownBy(() -> DriverManager.getConnection(upgraded.jdbcUrl(), login).close())
                    .isInstanceOf(SQLException.class);
        }
        assertThat(Files.readString(old.database().resolve("pg_hba.conf")).lines().filter(l -> l.startsWith("host")).toList())
                .isNotEmpty().allSatisfy(l -> assertThat(l).endsWith("scram-sha-256"));
    }

    @Test
    void aHomeAnotherAccountOwns_isRefused_inOneSentenceNamingIt() throws Exception {
        String skip = !"0".equals(run(List.of("id", "-u")).out.trim()) ? "not running as root: cannot give a folder away" : null;
        assumeTrue(skip == null || say(skip), skip);
        Path theirs = Files.createDirectories(tmp.resolve("theirs"));
        Files.setOwner(theirs, theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

        assertThatThrownBy(() -> new MotcuaHome(theirs).secured()).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.key()).isEqualTo("db.not-yours");
            String en = Messages.of(Locale.ENGLISH).text(r);
            assertThat(en).startsWith(theirs + " belongs to the account nobody, not to the one running this command (root)")
                    .doesNotContain("\n");
            assertThat(Messages.of(Messages.VIETNAMESE).text(r)).startsWith(theirs + " thuộc tài khoản nobody");
        });
        assertThat(theirs.resolve("logs")).doesNotExist();
    }

    private String loginError(String user, String password) {
        java.util.Properties login = new java.util.Properties();
        login.setProperty("user", user);
        if (password != null) {
            login.setProperty("password", password);
        }
        try (Connection c = DriverManager.getConnection(EmbeddedPostgresServer.jdbcUrl(server.port(), "motcua"), login)) {
            return null;
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    private static String modes(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    /** Says why a part is skipped; false, for {@code assumeTrue}. */
    private static boolean say(String reason) {
        System.out.println("EmbeddedDatabaseAccessTest: skipped, " + reason);
        return false;
    }

    private record Done(int code, String out) {
    }

    private static Done as(String user, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("runuser", "-u", user, "--"));
        line.addAll(List.of(command));
        return run(line);
    }

    private static boolean onPath(String program) throws Exception {
        return run(List.of("sh", "-c", "command -v " + program)).code == 0;
    }

    private static Done run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("LC_ALL", "C", "PGCONNECT_TIMEOUT", "5"));
        builder.directory(Path.of("/").toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return new Done(process.exitValue(), out);
    }
}
