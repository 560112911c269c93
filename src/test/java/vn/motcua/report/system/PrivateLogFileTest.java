package vn.motcua.report.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.status.OnConsoleStatusListener;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.FileSize;

/**
 * The log file as logback writes it with the product's appender: only its owner reads it (0600), from the first
 * line and after a roll-over, an earlier version's world-readable log included; and logback's own status
 * messages never reach the console, even with a console listener registered before (as Spring Boot does).
 */
class PrivateLogFileTest {

    @TempDir
    Path tmp;

    @Test
    void theLogAndEveryRolledFile_areTheOwnersOnly() throws Exception {
        assertThat(LogStatus.unwritable()).as("the tests' own log").isFalse();
        Path logs = tmp.resolve("home/logs");
        Path file = logs.resolve("motcua-report.log");
        Files.createDirectories(logs);
        // A log left by an earlier version, readable by all.
        Files.writeString(file, "earlier\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        LoggerContext context = new LoggerContext();
        appender(context, file, "1KB");
        Logger log = context.getLogger("test");
        log.info("dossier H1 of Nguyễn Văn A");
        assertThat(mode(file)).isEqualTo("rw-------");

        // Past its size (1 KB here), the file is rolled: renamed, and a new one opened.
        for (int i = 0; i < 2_000 && rolled(logs).isEmpty(); i++) {
            log.info("line {} of a long log, long enough to pass the size of a file soon", i);
            if (i % 20 == 0) {
                Thread.sleep(20);
            }
        }
        assertThat(rolled(logs)).as("a rolled file").isNotEmpty();
        log.info("after the roll-over");
        context.stop();

        List<Path> files;
        try (Stream<Path> listed = Files.list(logs)) {
            files = listed.sorted().toList();
        }
        assertThat(files).as("the log and the rolled ones").hasSizeGreaterThan(1).contains(file);
        for (Path f : files) {
            assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
        }
        assertThat(Files.readString(file)).contains("after the roll-over");
    }

    @Test
    void aLogThatCannotBeOpened_saysNothingOnTheConsole_andIsKnownUnwritable() throws Exception {
        // A folder where the log's folder should be a file: the log cannot be opened, whoever runs the test.
        Path blocker = Files.writeString(tmp.resolve("logs"), "not a folder");
        PrintStream console = System.out;
        PrintStream errors = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        LoggerContext context = new LoggerContext();
        try {
            System.setOut(capture);
            System.setErr(capture);
            OnConsoleStatusListener springBootsListener = new OnConsoleStatusListener();
            springBootsListener.setContext(context);
            context.getStatusManager().add(springBootsListener);
            springBootsListener.start();

            PrivateLogFile appender = appender(context, blocker.resolve("motcua-report.log"), "10MB");
            Logger log = context.getLogger("test");
            for (int i = 0; i < 50; i++) {
                log.error("line {}", i, new IllegalStateException("with a stack trace"));
            }
            assertThat(appender.isStarted()).isFalse();
            assertThat(context.getStatusManager().getCopyOfStatusListenerList()).as("only the product's listener is left")
                    .singleElement().isInstanceOfSatisfying(LogStatus.class, s -> assertThat(s.sawUnwritable()).isTrue());
            assertThat(context.getStatusManager().getCopyOfStatusList())
                    .as("kept as warnings: Spring Boot refuses to start on a logging error")
                    .anyMatch(s -> s.getLevel() == Status.WARN)
                    .noneMatch(s -> s.getLevel() == Status.ERROR);
        } finally {
            context.stop();
            System.setOut(console);
            System.setErr(errors);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** The appender as logback-spring.xml sets it up, LogStatus first. */
    private static PrivateLogFile appender(LoggerContext context, Path file, String maxFileSize) {
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        LogStatus status = new LogStatus();
        status.setContext(context);
        context.getStatusManager().add(status);
        status.start();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d %level %logger: %msg%n");
        encoder.start();
        PrivateLogFile appender = new PrivateLogFile();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setEncoder(encoder);
        appender.setFile(file.toString());
        SizeAndTimeBasedRollingPolicy<ch.qos.logback.classic.spi.ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(file + ".%d{yyyy-MM-dd}.%i");
        policy.setMaxFileSize(FileSize.valueOf(maxFileSize));
        policy.setMaxHistory(7);
        policy.start();
        appender.setRollingPolicy(policy);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        return appender;
    }

    private static List<Path> rolled(Path logs) throws Exception {
        try (Stream<Path> listed = Files.list(logs)) {
            return listed.filter(f -> !f.getFileName().toString().endsWith(".log")).toList();
        }
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
