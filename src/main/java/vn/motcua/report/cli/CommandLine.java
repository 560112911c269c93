package vn.motcua.report.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command line: the command, its positional arguments and its {@code --options}.
 * Checked before anything starts, so a typo costs no database start-up.
 */
public record CommandLine(String name, List<String> arguments, Map<String, String> options) {

    /**
     * Per command: the options that take a value, the required ones, how many positional arguments, and
     * the flags (options without a value; present: "true").
     */
    private record Spec(Set<String> options, Set<String> required, int positional, String usage, Set<String> flags) {
        Spec(Set<String> options, Set<String> required, int positional, String usage) {
            this(options, required, positional, usage, Set.of());
        }
    }

    // Map.ofEntries: Map.of takes at most ten pairs.
    private static final Map<String, Spec> COMMANDS = Map.ofEntries(
            Map.entry("help", new Spec(Set.of(), Set.of(), 0, "help")),
            Map.entry("import", new Spec(Set.of("sheet"), Set.of(), 2,
                    "import dossiers|transfers FILE.csv|FILE.xlsx [--sheet NAME] [--accept-partial]", Set.of("accept-partial"))),
            Map.entry("run", new Spec(Set.of("period", "cutoff-day", "out"), Set.of("period"), 0,
                    "run --period YYYY-MM [--cutoff-day N|last] [--out DIR]")),
            Map.entry("demo", new Spec(Set.of("out"), Set.of(), 0, "demo [--out DIR]")),
            Map.entry("restart", new Spec(Set.of("period", "out"), Set.of("period"), 0, "restart --period P [--out DIR]")),
            Map.entry("rerun", new Spec(Set.of("period", "reason", "out"), Set.of("period", "reason"), 0,
                    "rerun --period P --reason TEXT [--out DIR]")),
            Map.entry("history", new Spec(Set.of("period"), Set.of(), 0, "history [--period P] [--json]", Set.of("json"))),
            Map.entry("explain", new Spec(Set.of("period", "revision", "field", "unit", "column"), Set.of("period", "column"),
                    0, "explain --period P [--revision N] [--field CODE|TOTAL] [--unit CODE|NAME] --column NAME [--csv]",
                    Set.of("csv"))),
            Map.entry("sign-off", new Spec(Set.of("period", "revision", "signer", "position", "on-behalf", "keystore", "alias", "out"),
                    Set.of("period", "signer", "position"), 0, "sign-off --period P [--revision N] --signer NAME"
                    + " --position TITLE [--on-behalf TEXT] [--keystore FILE.p12 [--alias A]] [--out DIR]")),
            Map.entry("verify", new Spec(Set.of(), Set.of(), 1, "verify FILE.pdf")),
            Map.entry("bench", new Spec(Set.of("dossiers", "periods"), Set.of("dossiers"), 0,
                    "bench --dossiers N [--periods K] [--keep]", Set.of("keep"))));

    public static final String HELP = """
            motcua-report: the periodic report of a Public Administration Center on one-stop-shop dossiers.

            Commands:
              demo [--out DIR]
                  Load the bundled sample data (February 2021) and produce its report.
              import dossiers FILE.csv|FILE.xlsx [--sheet NAME] [--accept-partial]
              import transfers FILE.csv|FILE.xlsx [--sheet NAME] [--accept-partial]
                  Check every row of the file (CSV or Excel, English or Vietnamese headings) and store it
                  only if no row is refused; refusals go to FILE.rejects.csv beside it. --accept-partial
                  stores the rows that pass and reports the others.
              run --period YYYY-MM [--cutoff-day N|last] [--out DIR]
                  Produce the report of a period (also YYYY-Qn, YYYY-6M, YYYY-9M, YYYY).
                  The cutoff day defaults to jobs/report.yaml; tables go to DIR (default reports/).
              bench --dossiers N [--periods K] [--keep]
                  Time one month's report on N generated dossiers (K months, default 14) in a scratch
                  database, against a plain JDBC loop and one SQL statement. --keep keeps the database.
              restart --period P [--out DIR]
                  Resume the period's failed, stopped or interrupted run from its last committed chunk.
              rerun --period P --reason TEXT [--out DIR]
                  A corrected report: a new revision over the current data; prints what changed.
              history [--period P] [--json]
                  Every run of the report, newest first, with its steps' counts.
              explain --period P [--revision N] [--field CODE|TOTAL] [--unit CODE|NAME] --column NAME [--csv]
                  The dossiers behind one cell of the table (NAME as in the CSV header, or early,
                  withdrawn, returned), as that revision counted them.
              sign-off --period P [--revision N] --signer NAME --position TITLE [--on-behalf TEXT]
                       [--keystore FILE.p12 [--alias A]] [--out DIR]
                  The final report of a completed revision, signed digitally with a keystore (password
                  from MOTCUA_KEYSTORE_PASSWORD or a prompt); the revision is frozen from then on.
              verify FILE.pdf
                  Is this file a signed report? Says which period, revision and signer, or why not.
              help
                  This text.

            Exit codes: 0 done, 1 the job failed, 2 bad usage or bad input.
            Environment: MOTCUA_HOME (default ~/.motcua), MOTCUA_JOBS (default ./jobs),
                         SPRING_DATASOURCE_URL / _USERNAME / _PASSWORD to use a PostgreSQL server.
            """;

    public static CommandLine parse(String[] args) {
        if (args.length == 0) {
            return new CommandLine("help", List.of(), Map.of());
        }
        String name = args[0];
        if (name.equals("--help") || name.equals("-h")) {
            name = "help";
        }
        Spec spec = COMMANDS.get(name);
        if (spec == null) {
            throw new UsageException("unknown command '" + name + "'");
        }
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                String key = a.substring(2);
                String value = null;
                int eq = key.indexOf('=');
                if (eq >= 0) {
                    value = key.substring(eq + 1);
                    key = key.substring(0, eq);
                }
                if (spec.flags().contains(key)) {
                    if (value != null) {
                        throw new UsageException("--" + key + " takes no value (usage: " + spec.usage() + ")");
                    }
                    value = "true";
                } else if (!spec.options().contains(key)) {
                    throw new UsageException("'" + name + "' has no option --" + key + " (usage: " + spec.usage() + ")");
                } else if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new UsageException("option --" + key + " needs a value (usage: " + spec.usage() + ")");
                    }
                    value = args[++i];
                }
                if (options.put(key, value) != null) {
                    throw new UsageException("option --" + key + " is given twice");
                }
            } else {
                positional.add(a);
            }
        }
        if (positional.size() != spec.positional()) {
            throw new UsageException("usage: " + spec.usage());
        }
        for (String r : spec.required()) {
            if (!options.containsKey(r)) {
                throw new UsageException("'" + name + "' needs --" + r + " (usage: " + spec.usage() + ")");
            }
        }
        return new CommandLine(name, List.copyOf(positional), Map.copyOf(options));
    }

    /** Whether a flag (an option without a value, such as --json) is given. */
    public boolean flag(String key) {
        return options.containsKey(key);
    }

    /** Whether an option that takes a value is given. */
    public boolean has(String key) {
        return options.containsKey(key);
    }

    public String option(String key, String otherwise) {
        return options.getOrDefault(key, otherwise);
    }

    /** The option's whole number, or null when it is not given; refused when it is not a number. */
    public Integer number(String key, String what) {
        String value = options.get(key);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " needs " + what + ", not '" + value + "'");
        }
    }
}
