package vn.motcua.report.db;

import java.io.IOException;
import java.io.StringReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.report.system.Sha256;

/**
 * Who may use the embedded server, and how it is set up for that. The product connects over TCP (127.0.0.1
 * only) as {@value #ROLE}, a role that is no superuser and owns the database {@value #DATABASE}; TCP logins
 * need a password (scram-sha-256), made at random once and kept in {@code $MOTCUA_HOME/db.passwords}, which only
 * the operator can read. The superuser {@value #SUPERUSER} has a password of its own, used only here to set the
 * server up. A Unix socket connection is trusted: the socket is in a folder only the operator can enter.
 * <p>
 * A data folder is set up once (recorded in its {@value #STAMP} with the passwords it was set up with): a new
 * one by initdb; one made by an earlier version, whose server trusted every connection as postgres and kept
 * the data in the database postgres, is set up in place: the superuser's password set in single-user mode,
 * then the role made, the database renamed {@value #DATABASE} and given to it with everything in it.
 */
final class DatabaseAccess {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAccess.class);

    static final String ROLE = "motcua";
    static final String DATABASE = "motcua";
    static final String SUPERUSER = "postgres";

    /** The data folder's record of its setup: what {@link #setUp} did (raise it when that changes) and with which passwords. */
    private static final String STAMP = "motcua-access";
    private static final String SETUP_VERSION = "1";

    private static final String HBA = """
            # Written by motcua-report at each start of its embedded server: changes here are replaced.
            # The Unix socket is in $MOTCUA_HOME/run, a folder only the operator's account can enter.
            local   all   all                   trust
            # TCP, on 127.0.0.1 only: a password, kept in $MOTCUA_HOME/db.passwords (readable by the operator only).
            host    all   all   127.0.0.1/32    scram-sha-256
            host    all   all   ::1/128         scram-sha-256
            """;

    private final String passwordsFile;
    private final Properties passwords;

    private DatabaseAccess(String passwordsFile) throws IOException {
        this.passwordsFile = passwordsFile;
        this.passwords = new Properties();
        passwords.load(new StringReader(passwordsFile));
        if (passwords.getProperty(ROLE, "").isEmpty() || passwords.getProperty(SUPERUSER, "").isEmpty()) {
            throw new IOException("the passwords file of the embedded database lacks a password");
        }
    }

    /** The home's passwords, made the first time (called with the server's gate held). */
    static DatabaseAccess of(MotcuaHome home) throws IOException {
        Path file = home.passwords();
        if (!Files.exists(file)) {
            OwnFolders.writePrivate(file, """
                    # The embedded PostgreSQL's passwords, made at random on its first start. Only this account may read
                    # this file. Removing it makes new ones at the next start (when no command is running).
                    %s=%s
                    %s=%s
                    """.formatted(ROLE, newPassword(), SUPERUSER, newPassword()));
        }
        return read(home);
    }

    /** The home's passwords as they are. */
    static DatabaseAccess read(MotcuaHome home) throws IOException {
        OwnFolders.tighten(home.passwords());
        return new DatabaseAccess(Files.readString(home.passwords(), StandardCharsets.UTF_8));
    }

    String productPassword() {
        return passwords.getProperty(ROLE);
    }

    private String superuserPassword() {
        return passwords.getProperty(SUPERUSER);
    }

    /** The product's login over TCP. */
    Properties productLogin() {
        return login(ROLE, productPassword());
    }

    private static Properties login(String user, String password) {
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", password);
        login.setProperty("connectTimeout", "5");
        return login;
    }

    /** initdb, the superuser with its password, and the host lines asking for one (the file is removed at once). */
    List<String> initdbArguments(Path data, Path passwordFile) throws IOException {
        OwnFolders.writePrivate(passwordFile, superuserPassword() + "\n");
        return List.of("-D", data.toString(), "-U", SUPERUSER, "--pwfile=" + passwordFile,
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF-8");
    }

    /** Who may connect how: written before each start, since a data folder of an earlier version trusted every connection. */
    static void writeHba(Path data) throws IOException {
        Path hba = data.resolve("pg_hba.conf");
        if (!Files.exists(hba) || !Files.readString(hba).equals(HBA)) {
            OwnFolders.writePrivate(hba, HBA);
            log.info("Wrote {}: password on TCP, trust only on the operator's own Unix socket", hba);
        }
    }

    /** Whether the data folder was set up, by this version's setup, with these passwords. */
    boolean isSetUp(Path data) throws IOException {
        Path stamp = data.resolve(STAMP);
        return Files.exists(stamp) && Files.readString(stamp).equals(stamp());
    }

    private String stamp() {
        return SETUP_VERSION + " " + Sha256.of(passwordsFile.getBytes(StandardCharsets.UTF_8)) + "\n";
    }

    /**
     * Gives the superuser its password with the server stopped (PostgreSQL's single-user mode): a data folder made
     * by an earlier version has none, or one from passwords since removed, and TCP logins now need it.
     */
    void setSuperuserPasswordOffline(PostgresBinaries binaries, Path data, Path serverLog) throws IOException {
        log.info("Setting the superuser's password of {} (single-user mode)", data);
        ProcessBuilder single = new ProcessBuilder(binaries.command("postgres",
                List.of("--single", "-D", data.toString(), "template1")));
        single.redirectErrorStream(true);
        single.redirectOutput(Redirect.appendTo(serverLog.toFile()));
        Process process = single.start();
        try (var in = process.getOutputStream()) {
            in.write(("ALTER ROLE " + SUPERUSER + " PASSWORD '" + scram(superuserPassword()) + "'\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("PostgreSQL in single-user mode failed on " + data + " (see " + serverLog + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the superuser's password", e);
        }
    }

    /**
     * With the server up: the product's role (no superuser) with its password, its database, and ownership of
     * every table, view, sequence, function and type in it; then the data folder records it.
     */
    void setUp(int port, Path data) throws IOException {
        try {
            try (Connection admin = DriverManager.getConnection(EmbeddedPostgresServer.jdbcUrl(port, "template1"),
                    login(SUPERUSER, superuserPassword())); Statement sql = admin.createStatement()) {
                String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '"
                        + scram(productPassword()) + "'";
                sql.execute((exists(sql, "SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'") ? "ALTER" : "CREATE")
                        + " ROLE " + ROLE + attributes);
                if (!exists(sql, "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                    if (holdsTheProductsData(port)) {
                        log.info("Renaming the database postgres, which holds the data, to {}", DATABASE);
                        sql.execute("ALTER DATABASE postgres RENAME TO " + DATABASE);
                        sql.execute("CREATE DATABASE postgres TEMPLATE template0");
                    } else {
                        sql.execute("CREATE DATABASE " + DATABASE + " TEMPLATE template0");
                    }
                }
                sql.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + ROLE);
            }
            try (Connection admin = DriverManager.getConnection(EmbeddedPostgresServer.jdbcUrl(port, DATABASE),
                    login(SUPERUSER, superuserPassword()))) {
                giveEverythingToTheRole(admin);
            }
        } catch (SQLException e) {
            throw new IOException("could not set up the embedded database's role and database: " + e.getMessage(), e);
        }
        OwnFolders.writePrivate(data.resolve(STAMP), stamp());
        log.info("Set up {}: the product connects as {} (no superuser) with a password", data, ROLE);
    }

    /** Whether the database postgres holds the product's tables (a data folder of an earlier version). */
    private boolean holdsTheProductsData(int port) throws SQLException {
        try (Connection old = DriverManager.getConnection(EmbeddedPostgresServer.jdbcUrl(port, "postgres"),
                login(SUPERUSER, superuserPassword())); Statement sql = old.createStatement()) {
            return exists(sql, "SELECT 1 WHERE to_regclass('public.flyway_schema_history') IS NOT NULL");
        } catch (SQLException e) {
            if ("3D000".equals(e.getSQLState())) {
                return false; // no database postgres at all
            }
            throw e;
        }
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            return rs.next();
        }
    }

    /** Objects an earlier version made as postgres, outside the system's schemas and extensions, become the role's. */
    private static void giveEverythingToTheRole(Connection admin) throws SQLException {
        List<String> statements = new ArrayList<>();
        admin.setAutoCommit(false);
        try (Statement sql = admin.createStatement(); ResultSet rs = sql.executeQuery("""
                WITH own_schema AS (
                    SELECT oid, nspname FROM pg_namespace
                     WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'),
                extension_member AS (
                    SELECT objid FROM pg_depend WHERE deptype = 'e')
                SELECT format('ALTER SCHEMA %I OWNER TO motcua', n.nspname)
                  FROM own_schema n JOIN pg_namespace s ON s.oid = n.oid
                 WHERE s.nspowner NOT IN ('motcua'::regrole, 'pg_database_owner'::regrole)
                UNION ALL
                SELECT format('ALTER %s %s OWNER TO motcua',
                              CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                             WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE'
                                             WHEN 'c' THEN 'TYPE' ELSE 'TABLE' END, c.oid::regclass)
                  FROM pg_class c JOIN own_schema n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c') AND c.relowner <> 'motcua'::regrole
                   AND c.oid NOT IN (SELECT objid FROM extension_member)
                   -- a sequence of a serial or identity column goes with its table
                   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                      AND d.objid = c.oid AND d.deptype IN ('a', 'i') AND c.relkind = 'S')
                UNION ALL
                SELECT format('ALTER ROUTINE %s OWNER TO motcua', p.oid::regprocedure)
                  FROM pg_proc p JOIN own_schema n ON n.oid = p.pronamespace
                 WHERE p.proowner <> 'motcua'::regrole AND p.oid NOT IN (SELECT objid FROM extension_member)
                UNION ALL
                SELECT format('ALTER %s %s OWNER TO motcua', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
                              t.oid::regtype)
                  FROM pg_type t JOIN own_schema n ON n.oid = t.typnamespace
                 WHERE t.typtype IN ('e', 'd', 'r', 'm') AND t.typowner <> 'motcua'::regrole
                   AND t.oid NOT IN (SELECT objid FROM extension_member)""")) {
            while (rs.next()) {
                statements.add(rs.getString(1));
            }
        }
        try (Statement sql = admin.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
        admin.commit();
        if (!statements.isEmpty()) {
            log.info("Gave {} objects of the database to the role {}", statements.size(), ROLE);
        }
    }

    private static String scram(String password) {
        return PasswordUtil.encodeScramSha256(password.toCharArray());
    }

    private static String newPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
