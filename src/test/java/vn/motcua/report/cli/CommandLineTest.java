package vn.motcua.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.PeriodKind;
import vn.motcua.report.period.PeriodName;
import vn.motcua.report.revision.TableColumn;
import vn.motcua.report.system.Messages;

/** The command line is parsed and checked before anything starts: no Spring, no database here. */
class CommandLineTest {

    private static final List<String> COMMANDS = List.of("demo", "import", "run", "rerun", "restart", "history",
            "explain", "sign-off", "verify", "bench", "help");

    @TempDir
    Path tmp;

    /** What parsing printed and gave. */
    record Parsed(Launcher.Parsed result, String out, String err) {
        int exitCode() {
            return result.exitCode();
        }

        Cli.Command command() {
            return result.command();
        }
    }

    private static Parsed parse(Locale language, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal t = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Messages.of(language));
        Launcher.Parsed result = Launcher.parse(args, t);
        return new Parsed(result, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Parsed en(String... args) {
        return parse(Locale.ENGLISH, args);
    }

    private static Parsed vi(String... args) {
        return parse(Messages.VIETNAMESE, args);
    }

    /** Refused before anything starts: exit 2, no command to run, one line that says what and where to read. */
    private static String refused(Parsed p) {
        assertThat(p.exitCode()).as(p.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(p.command()).isNull();
        assertThat(p.out()).isEmpty();
        assertThat(p.err().lines()).as(p.err()).hasSize(1);
        assertThat(p.err()).startsWith("motcua-report: ").doesNotContain("Exception").doesNotContain("picocli");
        return p.err().strip();
    }

    @Test
    void everyCommand_answersHelp_andHelpCommand_withTheSameTextAndAnExample_exitZero() {
        for (String command : COMMANDS) {
            Parsed dashed = vi(command, "--help");
            assertThat(dashed.exitCode()).as(command).isZero();
            assertThat(dashed.command()).isNull();
            assertThat(dashed.out()).as(command).contains("Cách dùng: motcua-report " + command).contains("Ví dụ:")
                    .contains("motcua-report " + command);
            assertThat(vi("help", command).out()).as(command).isEqualTo(dashed.out());
            assertThat(vi(command, "-h").out()).isEqualTo(dashed.out());
            assertThat(en(command, "--help").out()).as(command).contains("Usage: motcua-report " + command)
                    .contains("Example");
        }
        Parsed top = vi("help");
        assertThat(top.exitCode()).isZero();
        for (String command : COMMANDS) {
            assertThat(top.out()).contains("  " + command + " ");
        }
        assertThat(top.out()).contains("Mã thoát: 0 xong, 1 công việc bị lỗi, 2");
        assertThat(vi().out()).isEqualTo(top.out());
        assertThat(vi("--help").out()).isEqualTo(top.out());
    }

    @Test
    void unknownCommand_isRefused() {
        assertThat(refused(vi("frob"))).isEqualTo("motcua-report: không có lệnh 'frob' (xem: motcua-report help)");
        assertThat(refused(en("frob"))).isEqualTo("motcua-report: unknown command 'frob' (see: motcua-report help)");
        assertThat(refused(en("help", "frob"))).contains("unknown command 'frob'");
        assertThat(refused(en("--perod"))).contains("unknown command '--perod'");
    }

    @Test
    void unknownOption_isRefused_evenWhenItLeavesARequiredOneMissing() {
        assertThat(refused(en("run", "--period", "2021-02", "--perod", "2021-03")))
                .isEqualTo("motcua-report: 'run' has no option --perod (see: motcua-report run --help)");
        assertThat(refused(en("run", "--perod", "2021-02"))).contains("'run' has no option --perod");
        // Another command's flag is unknown here too, with or without a value.
        assertThat(refused(en("run", "--period", "2021-02", "--json"))).contains("'run' has no option --json");
        assertThat(refused(en("history", "--csv=yes"))).contains("'history' has no option --csv");
        assertThat(refused(vi("history", "--perod"))).contains("lệnh 'history' không có tùy chọn --perod");
    }

    @Test
    void missingOptionsAndValues_areRefused() {
        assertThat(refused(en("run"))).isEqualTo("motcua-report: needs --period P (see: motcua-report run --help)");
        assertThat(refused(vi("run"))).isEqualTo("motcua-report: thiếu --period P (xem: motcua-report run --help)");
        assertThat(refused(en("run", "--period"))).contains("option --period needs a value");
        assertThat(refused(en("explain", "--period", "--field", "dat-dai", "--column", "total")))
                .contains("--period");
        assertThat(refused(en("rerun", "--period", "2021-02"))).contains("needs --reason");
        assertThat(refused(en("rerun", "--period", "2021-02", "--reason", "  "))).contains("--reason: must not be empty");
        assertThat(refused(en("sign-off", "--period", "2021-02", "--signer", "A"))).contains("needs --position");
        assertThat(refused(en("verify"))).contains("needs FILE.pdf");
        assertThat(refused(en("import", "dossiers"))).contains("needs FILE");
        assertThat(refused(en("bench"))).contains("needs --dossiers");
    }

    @Test
    void flagsTakeNoValue_andNoStrayWords() {
        assertThat(refused(en("history", "--json=yes"))).contains("--json takes no value");
        assertThat(refused(en("bench", "--dossiers", "1000", "--keep=x"))).contains("--keep takes no value");
        // A flag never takes the next word as its value: that word is a stray argument.
        assertThat(refused(en("history", "--json", "false"))).contains("'history' takes no argument 'false'");
    }

    @Test
    void optionGivenTwice_isRefused() {
        assertThat(refused(en("run", "--period", "2021-02", "--period=2021-03"))).contains("option --period is given twice");
        assertThat(refused(vi("run", "--period", "2021-02", "--period=2021-03"))).contains("tùy chọn --period được ghi hai lần");
    }

    @Test
    void wrongPeriods_cutoffDays_numbersAndColumns_areRefusedBeforeAnythingStarts() {
        assertThat(refused(en("run", "--period", "2021-13")))
                .isEqualTo("motcua-report: --period: period '2021-13' has no month 13: months are 01..12"
                        + " (see: motcua-report run --help)");
        assertThat(refused(vi("run", "--period", "2021-13"))).contains("kỳ '2021-13' không có tháng 13");
        assertThat(refused(en("run", "--period", "Feb 2021"))).contains("period 'Feb 2021' is not understood");
        assertThat(refused(en("history", "--period", "1999-01"))).contains("give a year between 2000 and 2100");
        assertThat(refused(en("run", "--period", "2021-02", "--cutoff-day", "32"))).contains("cutoff day '32' is out of range");
        assertThat(refused(vi("run", "--period", "2021-02", "--cutoff-day", "x"))).contains("ngày chốt 'x' không phải là số");
        assertThat(refused(en("explain", "--period", "2021-02", "--field", "TOTAL", "--column", "lat")))
                .contains("unknown column 'lat'; the columns are: " + TableColumn.names());
        assertThat(refused(en("explain", "--period", "2021-02", "--revision", "two", "--field", "TOTAL", "--column", "late")))
                .contains("--revision: needs a revision number such as 1, not 'two'");
        assertThat(refused(en("sign-off", "--period", "2021-02", "--revision", "0", "--signer", "A", "--position", "B")))
                .contains("--revision");
        assertThat(refused(en("bench", "--dossiers", "lots"))).contains("--dossiers: must be a whole number between 1000");
        assertThat(refused(en("bench", "--dossiers", "5000", "--periods", "1"))).contains("--periods");
        assertThat(refused(en("import", "folders", "f.csv"))).contains("'folders' is not dossiers|transfers");
        assertThat(refused(en("run", "--period", "2021-02", "--lang", "fr"))).contains("unknown language 'fr'");
    }

    @Test
    void filesThatDoNotExist_areRefusedBeforeAnythingStarts() {
        String missing = tmp.resolve("nope.csv").toString();
        assertThat(refused(en("import", "dossiers", missing))).contains(missing + " does not exist or cannot be read");
        assertThat(refused(vi("verify", missing))).contains("không có tệp " + missing);
        assertThat(refused(en("verify", tmp.toString()))).contains("is a folder, not a file");
        assertThat(refused(en("sign-off", "--period", "2021-02", "--signer", "A", "--position", "B", "--keystore", missing)))
                .contains("--keystore: " + missing);
        assertThat(refused(en("sign-off", "--period", "2021-02", "--signer", "A", "--position", "B", "--alias", "k")))
                .contains("--alias picks a key of --keystore or --pkcs11");
    }

    @Test
    void goodCommandLines_giveTheCommandWithItsTypedOptions() throws Exception {
        RunCommand run = (RunCommand) en("run", "--period", "2021-q1", "--cutoff-day", "last", "--out", "x").command();
        assertThat(run.period).isEqualTo(PeriodName.parse("2021-Q1"));
        assertThat(run.period.kind()).isEqualTo(PeriodKind.QUARTER);
        assertThat(run.cutoffDay).isEqualTo(CutoffDay.LAST);
        assertThat(run.out).isEqualTo(Path.of("x"));
        assertThat(((RunCommand) en("run", "--period=2021-02").command()).out).isEqualTo(Path.of("reports"));

        HistoryCommand history = (HistoryCommand) en("history", "--json", "--period", "2021-02").command();
        assertThat(history.json).isTrue();
        assertThat(history.period).hasToString("2021-02");
        assertThat(((HistoryCommand) en("history").command()).json).isFalse();

        Path file = Files.writeString(tmp.resolve("f.csv"), "x");
        ImportCommand imported = (ImportCommand) en("import", "dossiers", file.toString(), "--accept-partial",
                "--sheet=Hồ sơ").command();
        assertThat(imported.kind).isEqualTo(ImportCommand.Kind.dossiers);
        assertThat(imported.file).isEqualTo(file);
        assertThat(imported.acceptPartial).isTrue();
        assertThat(imported.sheet).isEqualTo("Hồ sơ");

        ExplainCommand explain = (ExplainCommand) en("explain", "--period=2021-02", "--revision", "2", "--field", "TOTAL",
                "--column", "late", "--csv", "--lang", "en").command();
        assertThat(explain.revision).isEqualTo(2);
        assertThat(explain.column).isEqualTo(TableColumn.LATE);
        assertThat(explain.csv).isTrue();

        BenchCommand bench = (BenchCommand) en("bench", "--keep", "--dossiers", "1_000_000").command();
        assertThat(bench.dossiers).isEqualTo(1_000_000);
        assertThat(bench.keep).isTrue();
        assertThat(bench.months).isEqualTo(14);
    }

    /** The README's heading of each command names exactly the options the command has (picocli's annotations). */
    @Test
    void theReadme_showsEveryCommandWithItsOptions_andAnExample() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        picocli.CommandLine line = Launcher.commandLine(Messages.of(Locale.ENGLISH));
        for (var entry : line.getSubcommands().entrySet()) {
            String name = entry.getKey();
            if (name.equals("help")) {
                assertThat(readme).contains("java -jar target/motcua-report.jar help run");
                continue;
            }
            List<String> headings = readme.lines().filter(l -> l.startsWith("**`" + name + " ") || l.startsWith("**`" + name + "`"))
                    .toList();
            assertThat(headings).as("README heading of " + name).isNotEmpty();
            String heading = String.join(" ", headings);
            java.util.Set<String> options = new java.util.TreeSet<>();
            entry.getValue().getCommandSpec().options().stream().map(o -> o.longestName())
                    .filter(o -> !o.equals("--help") && !o.equals("--lang")).forEach(options::add);
            java.util.Set<String> written = new java.util.TreeSet<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("--[a-z][a-z0-9-]*").matcher(heading);
            while (m.find()) {
                written.add(m.group());
            }
            assertThat(written).as("options of " + name + " in the README").isEqualTo(options);
            assertThat(readme).as("an example of " + name).contains("target/motcua-report.jar " + name + " ");
        }
    }

    @Test
    void theLanguage_comesFromLangBeforeTheEnvironment() {
        assertThat(Terminal.language(new String[] {"run", "--lang", "en"}, "vi")).isEqualTo("en");
        assertThat(Terminal.language(new String[] {"run", "--lang=vi"}, "en")).isEqualTo("vi");
        assertThat(Terminal.language(new String[] {"run"}, "en")).isEqualTo("en");
        assertThat(Messages.localeOf(null)).isEqualTo(Messages.VIETNAMESE);
        assertThat(Messages.localeOf("en_US")).isEqualTo(Locale.ENGLISH);
    }
}
