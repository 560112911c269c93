package vn.motcua.report.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.report.db.MotcuaHome;
import vn.motcua.report.db.ScratchDatabase;

/** Where things live: MOTCUA_HOME and the jobs folder. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MotcuaProperties.class)
public class MotcuaConfiguration {

    /**
     * The database under MOTCUA_HOME, else the given folder ({@code motcua.database}), else a scratch one. The home
     * is made the operator's alone (0700) first, or refused if another account owns it.
     */
    @Bean
    MotcuaHome motcuaHome(MotcuaProperties properties, Optional<ScratchDatabase> scratch) {
        Path path = Path.of(properties.home()).toAbsolutePath();
        if (scratch.isPresent()) {
            return new MotcuaHome(path, scratch.get().database()).secured();
        }
        return (properties.database().isBlank() ? new MotcuaHome(path)
                : new MotcuaHome(path, Path.of(properties.database()).toAbsolutePath()))
                .secured();
    }

    /**
     * The home as the environment names it ({@code motcua.home}, {@code MOTCUA_HOME}, else {@code ~/.motcua}),
     * refused when another account owns it, before anything starts: before the log file is opened in it.
     */
    public static void checkHome(String property, String environment) {
        String home = property != null && !property.isBlank() ? property
                : environment != null && !environment.isBlank() ? environment
                : Path.of(System.getProperty("user.home"), ".motcua").toString();
        new MotcuaHome(Path.of(home).toAbsolutePath()).mustBeMine();
    }

    /** The one holder of the jobs files: every room that reads them receives it. */
    @Bean
    JobsFolder jobsFolder(MotcuaProperties properties) {
        if (!properties.jobs().isBlank()) {
            return new JobsFolder(checkJobsFolder(properties.jobs()));
        }
        Path local = Path.of("jobs").toAbsolutePath();
        return new JobsFolder(Files.isDirectory(local) ? local : null);
    }

    /**
     * The folder MOTCUA_JOBS names, refused when it is not a folder; null when the variable is not set.
     * Checked before start-up too, so that a mistyped variable costs no database start.
     */
    public static Path checkJobsFolder(String jobs) {
        if (jobs == null || jobs.isBlank()) {
            return null;
        }
        Path folder = Path.of(jobs).toAbsolutePath();
        if (!Files.isDirectory(folder)) {
            throw new ConfigException("config.jobs-folder-missing", folder.toString());
        }
        return folder;
    }
}
