package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The rooms (packages) of src/main/java as the README's "Project layout" draws them: no two rooms depend
 * on each other, directly or round a cycle, and each report table's SQL is in the revision room only;
 * no command class of the command line uses another (what several share is a class of its own).
 */
class RoomsTest {

    private static final Path SOURCES = Path.of("src/main/java/vn/motcua/report");
    private static final Pattern REFERENCE = Pattern.compile("\\bvn\\.motcua\\.report\\.(\\w+)\\.");
    private static final Pattern PACKAGE = Pattern.compile("^package vn\\.motcua\\.report(?:\\.(\\w+))?;", Pattern.MULTILINE);

    @Test
    void noRoomDependsOnItself_roundACycle() {
        Map<String, Set<String>> uses = dependencies();
        assertThat(uses).containsKeys("revision", "report", "document", "classify", "dossier", "cli");
        List<String> cycles = new ArrayList<>();
        for (String room : uses.keySet()) {
            findCycle(room, room, uses, new ArrayList<>(List.of(room)), new TreeSet<>(), cycles);
        }
        assertThat(cycles).as("package cycles (room -> room it uses)").isEmpty();
    }

    @Test
    void theCycleFinderSeesACycle() {
        Map<String, Set<String>> uses = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"));
        List<String> cycles = new ArrayList<>();
        findCycle("a", "a", uses, new ArrayList<>(List.of("a")), new TreeSet<>(), cycles);
        assertThat(cycles).containsExactly("a -> b -> c -> a");
    }

    @Test
    void theReportTables_areReadAndWrittenByTheRevisionRoomOnly() throws IOException {
        for (String table : List.of("report_revision", "report_row", "report_dossier", "report_execution")) {
            Set<String> rooms = new TreeSet<>();
            try (Stream<Path> files = Files.walk(SOURCES)) {
                files.filter(f -> f.toString().endsWith(".java")).filter(f -> read(f).contains(table))
                        .forEach(f -> rooms.add(room(read(f))));
            }
            assertThat(rooms).as(table).containsExactly("revision");
        }
    }

    @Test
    void noCommandClass_usesAnotherCommandClass() throws IOException {
        Path cli = SOURCES.resolve("cli");
        Set<String> commands = new TreeSet<>();
        try (Stream<Path> files = Files.list(cli)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("Command.java"))
                    .forEach(n -> commands.add(n.substring(0, n.length() - ".java".length())));
        }
        assertThat(commands).contains("RunCommand", "RerunCommand", "RestartCommand", "DemoCommand", "ImportCommand");
        List<String> uses = new ArrayList<>();
        for (String command : commands) {
            commandsUsed(read(cli.resolve(command + ".java")), command, commands)
                    .forEach(other -> uses.add(command + " -> " + other));
        }
        assertThat(uses).as("command classes using another command class").isEmpty();
    }

    @Test
    void theCommandFinderSeesACommandUsed_butNotInAComment() {
        Set<String> commands = Set.of("RunCommand", "RerunCommand");
        String source = "/** Like {@link RunCommand}. */ class RerunCommand { // RunCommand too\n"
                + " int x = RunCommand.run(); }";
        assertThat(commandsUsed(source, "RerunCommand", commands)).containsExactly("RunCommand");
        assertThat(commandsUsed("/** RunCommand */ class RerunCommand { // RunCommand\n }", "RerunCommand", commands))
                .isEmpty();
    }

    /** The other command classes a command's source names outside its comments. */
    private static Set<String> commandsUsed(String source, String own, Set<String> commands) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\b(\\w+Command)\\b").matcher(code);
        while (m.find()) {
            if (!m.group(1).equals(own) && commands.contains(m.group(1))) {
                used.add(m.group(1));
            }
        }
        return used;
    }

    /** Room -> the other rooms its sources name (imports and qualified names). */
    private static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String text = read(f);
                String room = room(text);
                Set<String> used = uses.computeIfAbsent(room, r -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(text);
                while (m.find()) {
                    if (!m.group(1).equals(room) && Files.isDirectory(SOURCES.resolve(m.group(1)))) {
                        used.add(m.group(1));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    private static void findCycle(String start, String at, Map<String, Set<String>> uses, List<String> path,
                                  Set<String> seen, List<String> cycles) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (seen.add(next)) {
                path.add(next);
                findCycle(start, next, uses, path, seen, cycles);
                path.remove(path.size() - 1);
            }
        }
    }

    private static String room(String source) {
        Matcher m = PACKAGE.matcher(source);
        return m.find() && m.group(1) != null ? m.group(1) : "(application)";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
