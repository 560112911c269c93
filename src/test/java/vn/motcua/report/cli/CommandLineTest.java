package vn.motcua.report.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The command line is checked before anything starts: no database here. */
class CommandLineTest {

    private static CommandLine parse(String... args) {
        return CommandLine.parse(args);
    }

    @Test
    void unknownOption_isRefusedWithTheUsage() {
        assertThatThrownBy(() -> parse("run", "--period", "2021-02", "--perod", "2021-03"))
                .isInstanceOf(UsageException.class)
                .hasMessage("'run' has no option --perod (usage: run --period YYYY-MM [--cutoff-day N|last] [--out DIR])");
        // Another command's flag is unknown here too, with or without a value.
        assertThatThrownBy(() -> parse("run", "--period", "2021-02", "--json"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("'run' has no option --json");
        assertThatThrownBy(() -> parse("history", "--csv=yes"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("'history' has no option --csv");
        assertThatThrownBy(() -> parse("history", "--perod"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("'history' has no option --perod");
    }

    @Test
    void optionWithoutItsValue_isRefused() {
        assertThatThrownBy(() -> parse("run", "--period"))
                .isInstanceOf(UsageException.class)
                .hasMessage("option --period needs a value (usage: run --period YYYY-MM [--cutoff-day N|last] [--out DIR])");
        assertThatThrownBy(() -> parse("explain", "--period", "--field", "dat-dai", "--column", "total"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("option --period needs a value");
    }

    @Test
    void flagWithAValue_isRefused() {
        assertThatThrownBy(() -> parse("history", "--json=false"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--json takes no value (usage: history [--period P] [--json])");
        assertThatThrownBy(() -> parse("import", "dossiers", "f.csv", "--accept-partial=no"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--accept-partial takes no value");
        assertThatThrownBy(() -> parse("explain", "--period", "2021-02", "--field", "TOTAL", "--column", "total", "--csv="))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--csv takes no value");
        assertThatThrownBy(() -> parse("bench", "--dossiers", "1000", "--keep=yes"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--keep takes no value");
        // A flag never takes the next word as its value: that word is a stray positional argument.
        assertThatThrownBy(() -> parse("history", "--json", "false"))
                .isInstanceOf(UsageException.class).hasMessage("usage: history [--period P] [--json]");
    }

    @Test
    void flagsAndOptions_areAccepted() {
        CommandLine history = parse("history", "--json", "--period", "2021-02");
        assertThat(history.flag("json")).isTrue();
        assertThat(history.option("period", null)).isEqualTo("2021-02");
        assertThat(parse("history").flag("json")).isFalse();

        CommandLine imported = parse("import", "dossiers", "f.csv", "--accept-partial", "--sheet=Hồ sơ");
        assertThat(imported.arguments()).containsExactly("dossiers", "f.csv");
        assertThat(imported.flag("accept-partial")).isTrue();
        assertThat(imported.options()).containsEntry("accept-partial", "true").containsEntry("sheet", "Hồ sơ");

        CommandLine explain = parse("explain", "--period=2021-02", "--revision", "2", "--field", "TOTAL",
                "--column", "total", "--csv");
        assertThat(explain.flag("csv")).isTrue();
        assertThat(explain.number("revision", "a revision number such as 1")).isEqualTo(2);
        assertThat(explain.has("revision")).isTrue();
        assertThat(explain.has("out")).isFalse();
    }

    @Test
    void optionGivenTwice_isRefused() {
        assertThatThrownBy(() -> parse("run", "--period", "2021-02", "--period=2021-03"))
                .isInstanceOf(UsageException.class).hasMessage("option --period is given twice");
        assertThatThrownBy(() -> parse("history", "--json", "--json"))
                .isInstanceOf(UsageException.class).hasMessage("option --json is given twice");
    }

    @Test
    void revisionThatIsNotANumber_isRefused() {
        CommandLine line = parse("sign-off", "--period", "2021-02", "--revision", "two", "--signer", "A",
                "--position", "B");
        assertThatThrownBy(() -> line.number("revision", "a revision number such as 1"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--revision needs a revision number such as 1, not 'two'");
        assertThat(parse("sign-off", "--period", "2021-02", "--signer", "A", "--position", "B")
                .number("revision", "a revision number such as 1")).isNull();
    }
}
