package vn.motcua.report;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

import vn.motcua.report.cli.Cli;
import vn.motcua.report.cli.ExitCode;
import vn.motcua.report.cli.Launcher;
import vn.motcua.report.cli.Terminal;
import vn.motcua.report.config.MotcuaConfiguration;
import vn.motcua.report.fault.DatabaseFaults;
import vn.motcua.report.system.Fault;
import vn.motcua.report.system.Refusal;

/**
 * motcua-report: the periodic report of a Public Administration Center on one-stop-shop dossiers.
 * The command line is parsed and checked before anything starts; then the database (embedded unless
 * {@code spring.datasource.url} is set) and the command run, and the exit code tells scripts how it went.
 */
@SpringBootApplication
public class MotcuaReportApplication {

    public static void main(String[] args) {
        Terminal terminal = Terminal.system(args);
        Launcher.Parsed parsed;
        try {
            parsed = Launcher.parse(args, terminal);
        } catch (RuntimeException e) {
            // Nothing is logged yet (logging starts with Spring): the sentence is all there is.
            terminal.refuse(terminal.text("cli.could-not-start"));
            System.exit(ExitCode.FAILED);
            return;
        }
        if (parsed.command() == null) {
            System.exit(parsed.exitCode());
            return;
        }
        ConfigurableApplicationContext context;
        // Spring's settings, kept to name the database if it is what Spring could not start on.
        AtomicReference<Environment> environment = new AtomicReference<>();
        try {
            MotcuaConfiguration.checkJobsFolder(System.getenv("MOTCUA_JOBS"));
            MotcuaConfiguration.checkHome(System.getProperty("motcua.home"), System.getenv("MOTCUA_HOME"));
            SpringApplication app = new SpringApplication(MotcuaReportApplication.class);
            Map<String, Object> properties = new HashMap<>(parsed.command().startupProperties());
            // What the command needs to run at all (its scratch database) comes before the environment's settings.
            app.addInitializers(c -> {
                c.getEnvironment().getPropertySources().addFirst(new MapPropertySource("command", properties));
                environment.set(c.getEnvironment());
            });
            context = app.run();
        } catch (RuntimeException e) {
            Refusal refusal = Launcher.refusalIn(e);
            if (refusal != null) {
                terminal.refuse(terminal.text(refusal));
                System.exit(ExitCode.BAD_INPUT);
                return;
            }
            Fault fault = DatabaseFaults.atStartup(e, environment.get());
            terminal.refuse(fault != null ? terminal.text(fault) : terminal.text("cli.could-not-start"));
            System.exit(ExitCode.FAILED);
            return;
        }
        int code;
        try (context) {
            code = context.getBean(Cli.class).executeWatched(parsed.command(), terminal);
        }
        System.exit(code);
    }
}
