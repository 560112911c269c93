package vn.motcua.report;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import vn.motcua.report.cli.Cli;
import vn.motcua.report.cli.CommandLine;
import vn.motcua.report.cli.ExitCode;
import vn.motcua.report.cli.UsageException;

/**
 * motcua-report: the periodic report of a Public Administration Center on one-stop-shop dossiers.
 * The command line is checked before anything starts; then the database (embedded unless
 * {@code spring.datasource.url} is set) and the command run, and the exit code tells scripts how it went.
 */
@SpringBootApplication
public class MotcuaReportApplication {

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        CommandLine command;
        try {
            command = CommandLine.parse(args);
        } catch (UsageException e) {
            err.println("motcua-report: " + e.getMessage());
            err.println("Run 'motcua-report help' for the commands.");
            System.exit(ExitCode.BAD_INPUT);
            return;
        }
        if (command.name().equals("help")) {
            out.print(CommandLine.HELP);
            System.exit(ExitCode.OK);
            return;
        }
        int code;
        ConfigurableApplicationContext context;
        try {
            SpringApplication app = new SpringApplication(MotcuaReportApplication.class);
            app.setDefaultProperties(Cli.startupProperties(command));
            context = app.run();
        } catch (RuntimeException e) {
            err.println("motcua-report: could not start: " + Cli.rootMessage(e));
            err.println("Details are in the log file under $MOTCUA_HOME/logs (default ~/.motcua/logs).");
            System.exit(ExitCode.FAILED);
            return;
        }
        try (context) {
            code = context.getBean(Cli.class).execute(command, out, err);
        }
        System.exit(code);
    }
}
