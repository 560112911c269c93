package vn.motcua.report.config;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import vn.motcua.report.period.Period;

/**
 * {@code jobs/periods/PERIOD.yaml} as written, bound by {@link JobsFile}; {@link #texts} checks what binding leaves
 * open (a value missing or blank, a figure's days outside the period) and gives the period's texts.
 */
record PeriodFile(Document document, List<Figure> figures, @JsonProperty("section-2") String section2,
                  @JsonProperty("section-3") String section3, WrittenSigner signer) {

    /** Values of the wrong kind whose message says more than the usual one. */
    static final Map<String, String> WRONG_SHAPE = Map.of(
            "section-2", "config.not-a-text-block",
            "section-3", "config.not-a-text-block");

    record Document(String number, LocalDate date) {
    }

    record Figure(String procedure, LocalDate from, LocalDate to, Long dossiers, Long perDay, String note) {
    }

    static PeriodTexts texts(JobsFile<PeriodFile> file, Period period) {
        PeriodFile texts = file.value();
        String number = null;
        LocalDate date = null;
        if (texts.document != null) {
            number = file.optionalText(texts.document.number, "document.number");
            date = texts.document.date;
        }
        List<PeriodTexts.StaffFigure> figures = new ArrayList<>();
        if (texts.figures != null) {
            for (int i = 0; i < texts.figures.size(); i++) {
                String path = "figures[" + (i + 1) + "]";
                figures.add(figure(file, file.block(texts.figures.get(i), path), path, period));
            }
        }
        ReportSettings.Signer signer = texts.signer == null ? null : texts.signer.settings(file, "signer");
        return new PeriodTexts(file.file(), true, number, date, List.copyOf(figures), paragraphs(texts.section2),
                paragraphs(texts.section3), signer);
    }

    private static PeriodTexts.StaffFigure figure(JobsFile<PeriodFile> file, Figure f, String path, Period period) {
        LocalDate from = file.required(f.from, path + ".from");
        LocalDate to = file.required(f.to, path + ".to");
        if (to.isBefore(from)) {
            throw file.refuse(path + ".to", "config.figure-ends-before-start", to, from);
        }
        if (from.isBefore(period.start()) || to.isAfter(period.end())) {
            throw file.refuse(path, "config.figure-outside-period", from, to, period.start(), period.end());
        }
        long dossiers = file.count(f.dossiers, path + ".dossiers");
        Long perDay = file.optionalCount(f.perDay, path + ".per-day");
        String note = file.optionalText(f.note, path + ".note");
        return new PeriodTexts.StaffFigure(file.text(f.procedure, path + ".procedure"), from, to, dossiers, perDay,
                note == null ? null : note.replaceAll("\\s+", " "));
    }

    /** A block of text, one paragraph per non-blank line; absent or empty gives no paragraph. */
    private static List<String> paragraphs(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
