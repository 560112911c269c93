package vn.motcua.report.config;

/**
 * A {@code signer:} block as the jobs files write it (report.yaml, a period's file, centres.yaml); the image is the
 * signer's handwritten signature (a PNG, relative to the jobs folder).
 */
public record WrittenSigner(String onBehalf, String position, String name, String signatureImage) {

    /** Who signs, checked: position and name written, on-behalf optional; refusals name the file, line and key. */
    public ReportSettings.Signer settings(JobsFile<?> file, String path) {
        return new ReportSettings.Signer(file.optionalText(onBehalf, path + ".on-behalf"),
                file.text(position, path + ".position"), file.text(name, path + ".name"));
    }
}
