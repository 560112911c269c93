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
 * on each other, directly or round a cycle, and each report table's SQL is in the revision room only.
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
