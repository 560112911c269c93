package vn.motcua.report.importing.check;

/**
 * Why one value of one line was refused, in Vietnamese for the clerk who fixes the file and in English.
 * Line numbers are those of the file (the heading being line 1; the row number in a workbook); the column
 * is named as the file's heading names it.
 */
public record Reject(long line, String column, String value, Rule rule, String reasonVi, String reason) {

    /** The rules a row can break; the summary counts refusals by rule. */
    public enum Rule {
        SHAPE("số ô không khớp với dòng tiêu đề", "wrong number of values"),
        REQUIRED("thiếu giá trị bắt buộc", "required value missing"),
        DATE("không phải ngày có thật", "not a real date"),
        ORDER("các ngày không theo thứ tự", "dates out of order"),
        PAUSE("thời gian tạm dừng nằm ngoài thời gian xử lý", "pause outside the dossier's life"),
        OUTCOME("kết quả và ngày có kết quả không khớp", "outcome and finish date disagree"),
        FIELD("lĩnh vực không có trong danh mục", "unknown field"),
        LABEL("giá trị không có trong danh sách", "unknown channel, outcome, status or level"),
        STATUS("trạng thái không khớp với kết quả hay các ngày", "status disagrees with the outcome or dates"),
        DUPLICATE("mã hồ sơ lặp lại trong tệp", "code repeated in the file");

        private final String vi;
        private final String en;

        Rule(String vi, String en) {
            this.vi = vi;
            this.en = en;
        }

        public String vi() {
            return vi;
        }

        public String en() {
            return en;
        }

        public String code() {
            return name().toLowerCase();
        }

        public static Rule ofCode(String code) {
            return valueOf(code.toUpperCase());
        }
    }

    @Override
    public String toString() {
        return "line " + line + ", " + column + (value == null || value.isEmpty() ? "" : " '" + value + "'") + ": "
                + reason + " (" + reasonVi + ")";
    }
}
