package vn.motcua.report.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.ProcessHome;
import vn.motcua.report.ProcessHome.Done;

/**
 * The province's month-end run (the demo province: six centres and the consolidation) killed with SIGKILL while
 * the centres' documents are written, as {@link HaltingApplication} halts it once the third centre's PDF is written
 * and before its step commits; then {@code restart}: every centre's files and the consolidation's are there, the
 * consolidation's total is the seed's, and every file written before the kill is byte for byte as it was.
 * An integration test (run by {@code mvn verify}): it starts three JVMs.
 */
class ProvinceKillProcessIT {

    private static final String PERIOD = "2021-02";
    private static final List<String> CENTRES = List.of("tinh", "chi-nhanh-1", "xa-an-phu", "xa-binh-my",
            "phuong-dong-hai", "xa-vinh-an");
    private static final String CONSOLIDATION = "tong-hop";

    @TempDir
    Path tmp;

    private ProcessHome home;

    @AfterEach
    void stopAnyServerLeft() throws Exception {
        if (home != null) {
            home.stopServer();
        }
    }

    /** The demo province imported into a fresh home; the commands run in tmp, so ./jobs is the province's folder. */
    @BeforeEach
    void importTheDemoProvince() throws Exception {
        home = ProcessHome.in(tmp);
        DatabaseTest.jobsFolder(tmp.resolve("jobs").toString(), DatabaseTest.provinceCentres());
        Path export = tmp.resolve("province.csv");
        try (InputStream in = ProvinceKillProcessIT.class.getResourceAsStream("/demo/province/dossiers.csv")) {
            Files.copy(in, export);
        }
        Done imported = home.run("import", "dossiers", export.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
    }

    @Test
    void killedDuringTheCentresDocuments_restartMakesTheRest_andKeepsEveryFileWrittenBefore() throws Exception {
        Path out = tmp.resolve("out");
        Done killed = home.start(List.of(), List.of(HaltingApplication.class.getName(), "third-document"),
                "run", "--period", PERIOD, "--out", out.toString()).finish();
        assertThat(killed.exitCode()).as("halted: " + killed.out() + killed.err()).isEqualTo(HaltingApplication.HALTED);
        Map<Path, String> before = hashes(out);
        // A file the other centre's report was writing is a temporary one, never a report's file.
        before.keySet().removeIf(p -> p.toString().endsWith(".tmp"));
        assertThat(before.keySet()).as("the third PDF was written, the consolidation's files not yet")
                .filteredOn(p -> p.toString().endsWith(".pdf")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(out.resolve(PERIOD).resolve(CONSOLIDATION)).doesNotExist();

        Done restarted = home.run("restart", "--period", PERIOD);
        assertThat(restarted.exitCode()).as(restarted.out() + restarted.err() + home.logTail()).isZero();

        assertThat(Files.readString(home.home().resolve("logs/motcua-report.log")))
                .as("the PDF whose step the kill left uncommitted is kept, not made again").containsPattern("Kept \\S+\\.pdf");
        Map<Path, String> after = hashes(out);
        before.forEach((file, hash) -> assertThat(after.get(file)).as(file + ", written before the kill").isEqualTo(hash));
        for (String centre : CENTRES) {
            for (String suffix : List.of(".csv", "-don-vi.csv", ".xlsx", ".pdf")) {
                assertThat(file(out, centre, suffix)).isNotEmptyFile();
            }
        }
        for (String suffix : List.of(".csv", "-don-vi.csv", ".xlsx", ".pdf", "-trung-tam.csv")) {
            assertThat(file(out, CONSOLIDATION, suffix)).isNotEmptyFile();
        }
        assertThat(after.keySet()).as("no temporary file is left").noneMatch(p -> p.toString().endsWith(".tmp"));
        // The seed's table (the same 497 dossiers): Tổng cộng 497 48 449 467 459 8 30 29 1.
        assertThat(Files.readAllLines(file(out, CONSOLIDATION, ".csv")))
                .anyMatch(line -> line.endsWith(",TOTAL,Tổng cộng,497,48,449,467,459,8,30,29,1"));
    }

    @Test
    void killedAsACentresReportCompleted_beforeItsRevisionWasMarked_restartKeepsItAndMakesTheRest() throws Exception {
        Path out = tmp.resolve("out");
        Done killed = home.start(List.of(), List.of(HaltingApplication.class.getName(), "after-job"),
                "run", "--period", PERIOD, "--out", out.toString()).finish();
        assertThat(killed.exitCode()).as("halted: " + killed.out() + killed.err()).isEqualTo(HaltingApplication.HALTED);

        Done restarted = home.run("restart", "--period", PERIOD);
        assertThat(restarted.exitCode()).as(restarted.out() + restarted.err() + home.logTail()).isZero();
        for (String centre : CENTRES) {
            assertThat(file(out, centre, ".pdf")).isNotEmptyFile();
        }
        assertThat(Files.readAllLines(file(out, CONSOLIDATION, ".csv")))
                .anyMatch(line -> line.endsWith(",TOTAL,Tổng cộng,497,48,449,467,459,8,30,29,1"));
        // Newest first: each report's newest execution completed (the killed ones before them were recovered as failed).
        Done history = home.run("history", "--period", PERIOD);
        Map<String, String> newest = new TreeMap<>();
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("(?m)^\\s+\\d+\\s+" + PERIOD
                + " (\\S+)\\s+1\\s+(\\S+)").matcher(history.out());
        while (line.find()) {
            newest.putIfAbsent(line.group(1), line.group(2));
        }
        assertThat(newest).hasSize(CENTRES.size() + 1).allSatisfy((report, status) -> assertThat(status)
                .as(report).isEqualTo("COMPLETED"));
    }

    @Test
    void killedWhileReadingTheDossiersForEveryReport_restartCountsEachDossierOnce() throws Exception {
        // Chunks of 50: the province's reading of the demo's ~500 dossiers is killed as its second chunk commits.
        Path out = tmp.resolve("out");
        Done killed = home.start(List.of("-Dmotcua.province-chunk-size=50"),
                List.of(HaltingApplication.class.getName(), "classify"), "run", "--period", PERIOD, "--out",
                out.toString()).finish();
        assertThat(killed.exitCode()).as("halted: " + killed.out() + killed.err()).isEqualTo(HaltingApplication.HALTED);
        assertThat(out.resolve(PERIOD)).as("killed before any report's documents").doesNotExist();

        Done restarted = home.run("restart", "--period", PERIOD);
        assertThat(restarted.exitCode()).as(restarted.out() + restarted.err() + home.logTail()).isZero();
        // The seed's table (the same 497 dossiers): Tổng cộng 497 48 449 467 459 8 30 29 1; each centre's report passed
        // its check against the recount of its own dossiers, and their totals add up to the consolidation's.
        assertThat(Files.readAllLines(file(out, CONSOLIDATION, ".csv")))
                .anyMatch(line -> line.endsWith(",TOTAL,Tổng cộng,497,48,449,467,459,8,30,29,1"));
        long total = 0;
        for (String centre : CENTRES) {
            List<String> lines = Files.readAllLines(file(out, centre, ".csv"));
            String[] cells = lines.get(lines.size() - 1).split(",");
            total += Long.parseLong(cells[3]);
        }
        List<String> byCentre = Files.readAllLines(file(out, CONSOLIDATION, "-trung-tam.csv"));
        // no,centre,name,level,total,…: the unlisted and undetermined rows name no centre.
        long unlistedAndUndetermined = byCentre.stream().skip(1).map(line -> line.split(","))
                .filter(cells -> cells[1].isEmpty())
                .mapToLong(cells -> Long.parseLong(cells[4])).sum();
        assertThat(total + unlistedAndUndetermined).isEqualTo(497);
    }

    private static Path file(Path out, String centre, String suffix) {
        return out.resolve(PERIOD).resolve(centre).resolve("bao-cao-" + centre + "-" + PERIOD + "-r1" + suffix);
    }

    /** Every file under {@code folder} with its SHA-256. */
    private static Map<Path, String> hashes(Path folder) throws IOException {
        Map<Path, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).forEach(f -> hashes.put(folder.relativize(f), sha256(f)));
        }
        return hashes;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
