package vn.motcua.report.importing.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import vn.motcua.report.config.ConfigException;
import vn.motcua.report.config.JobsFile;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.config.NameList;
import vn.motcua.report.importing.source.Names;

/**
 * The headings and labels an import understands: the canonical English ones, the usual Vietnamese ones of
 * one-stop system exports, and those a centre adds in {@code jobs/import-mapping.yaml} (optional):
 * <pre>
 * headings:
 *   dossiers:
 *     received_at: [Ngày nhận hồ sơ]
 * labels:
 *   channel:
 *     online: [Nộp qua mạng]
 *   field:
 *     dat-dai: [Đất đai - Nhà ở]
 * </pre>
 * Keys are compared as {@link Names#key}: case, spacing and Unicode form do not matter, diacritics do.
 */
public final class ImportMapping {

    public static final String FILE = "import-mapping.yaml";

    /** The status of a dossier stored but counted in no report (entered by mistake, never received). */
    static final String NOT_COUNTED = "not-counted";

    /** Per kind: the canonical column of each heading a file may use. */
    private static final Map<String, Map<String, List<String>>> HEADINGS = Map.of(
            "dossiers", ordered(
                    "code", List.of("Mã hồ sơ"),
                    "field", List.of("Lĩnh vực"),
                    "procedure", List.of("Thủ tục", "Tên thủ tục"),
                    "procedure_code", List.of("Mã TTHC", "Mã thủ tục"),
                    "channel", List.of("Hình thức nộp", "Kênh tiếp nhận"),
                    "received_at", List.of("Ngày tiếp nhận", "Ngày nhận"),
                    "due_at", List.of("Ngày hẹn trả"),
                    "finished_at", List.of("Ngày có kết quả", "Ngày trả kết quả", "Ngày kết thúc xử lý"),
                    "outcome", List.of("Kết quả"),
                    "status", List.of("Trạng thái", "Trạng thái hồ sơ", "Tình trạng", "Tình trạng hồ sơ"),
                    "paused_from", List.of("Ngày tạm dừng"),
                    "paused_until", List.of("Ngày tiếp tục"),
                    "apology_at", List.of("Ngày thư xin lỗi"),
                    "unit", List.of("Cơ quan giải quyết", "Đơn vị giải quyết", "Đơn vị xử lý", "Cơ quan thực hiện",
                            "Tên cơ quan tiếp nhận thực hiện thủ tục"),
                    "centre", List.of("Nơi tiếp nhận", "Đơn vị tiếp nhận", "Bộ phận tiếp nhận")),
            "transfers", ordered(
                    "dossier_code", List.of("Mã hồ sơ"),
                    "from_level", List.of("Từ cấp", "Nơi gửi"),
                    "to_level", List.of("Đến cấp", "Nơi nhận"),
                    "sent_at", List.of("Ngày gửi", "Ngày chuyển")));

    /** Per kind of value: the code of each label. */
    private static final Map<String, Map<String, List<String>>> LABELS = Map.of(
            "channel", ordered(
                    "direct", List.of("Trực tiếp"),
                    "online", List.of("Trực tuyến"),
                    "postal", List.of("Bưu chính công ích", "Dịch vụ bưu chính công ích", "BCCI", "Dịch vụ BCCI",
                            "Dịch vụ bưu chính", "Qua bưu chính")),
            "outcome", ordered(
                    "resolved", List.of("Đã giải quyết"),
                    "withdrawn", List.of("Rút hồ sơ"),
                    "returned", List.of("Trả lại")),
            // What exports write in "Trạng thái"; the dates still decide resolved or pending (docs/counting.md, rules 3 and 4).
            "status", ordered(
                    "resolved", List.of("Đã trả kết quả", "Đã giải quyết", "Hoàn thành", "Đã có kết quả", "Chờ trả kết quả"),
                    "open", List.of("Đang xử lý", "Đang giải quyết", "Mới tiếp nhận", "Đã tiếp nhận", "Trễ hạn", "Quá hạn"),
                    "paused", List.of("Chờ bổ sung", "Yêu cầu bổ sung", "Tạm dừng"),
                    "withdrawn", List.of("Đã rút", "Rút hồ sơ", "Công dân rút hồ sơ"),
                    "returned", List.of("Trả lại", "Trả lại hồ sơ", "Không giải quyết", "Từ chối giải quyết"),
                    NOT_COUNTED, List.of("Đã hủy", "Đã huỷ", "Hủy", "Huỷ", "Từ chối tiếp nhận")),
            "level", ordered(
                    "commune", List.of("Xã", "Cấp xã"),
                    "district", List.of("Huyện", "Cấp huyện"),
                    "province", List.of("Tỉnh", "Cấp tỉnh")),
            "field", Map.of());

    private final Map<String, Map<String, String>> headings = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> labels = new LinkedHashMap<>();

    private ImportMapping() {
        HEADINGS.forEach((kind, columns) -> {
            Map<String, String> keys = new LinkedHashMap<>();
            columns.forEach((column, names) -> {
                keys.put(Names.key(column), column);
                names.forEach(n -> keys.put(Names.key(n), column));
            });
            headings.put(kind, keys);
        });
        LABELS.forEach((type, codes) -> {
            Map<String, String> keys = new LinkedHashMap<>();
            codes.forEach((code, names) -> {
                keys.put(Names.key(code), code);
                names.forEach(n -> keys.put(Names.key(n), code));
            });
            labels.put(type, keys);
        });
    }

    /** Only the built-in headings and labels. */
    public static ImportMapping builtIn() {
        return new ImportMapping();
    }

    /** What import-mapping.yaml may hold: per kind of import or of value, the names a centre adds to a target. */
    record Written(Map<String, Map<String, NameList>> headings, Map<String, Map<String, NameList>> labels) {
    }

    /**
     * The built-in headings and labels plus those of {@code jobs/import-mapping.yaml} when it exists.
     *
     * @param fieldCodes the catalogue's field codes, which field labels must name
     * @throws ConfigException naming the file and the key when the file has an unknown key or code
     */
    public static ImportMapping load(JobsFolder jobs, Set<String> fieldCodes) {
        ImportMapping mapping = new ImportMapping();
        jobs.file(FILE, Written.class).ifPresent(file -> {
            add(file, "headings", file.value().headings(), kind -> HEADINGS.get(kind).keySet(), mapping.headings);
            add(file, "labels", file.value().labels(),
                    type -> type.equals("field") ? fieldCodes : LABELS.get(type).keySet(), mapping.labels);
        });
        return mapping;
    }

    /** The names of one section of the file ({@code headings} or {@code labels}), each kind's targets known ones. */
    private static void add(JobsFile<Written> file, String section, Map<String, Map<String, NameList>> written,
                            Function<String, Set<String>> targetsOf, Map<String, Map<String, String>> keys) {
        if (written == null) {
            return;
        }
        written.forEach((kind, targets) -> {
            String kindPath = section + "." + kind;
            if (!keys.containsKey(kind)) {
                throw file.unknownKey(kindPath, keys.keySet());
            }
            if (targets == null) {
                return;
            }
            Set<String> known = targetsOf.apply(kind);
            targets.forEach((target, names) -> {
                String path = kindPath + "." + target;
                if (!known.contains(target)) {
                    throw file.unknownKey(path, known);
                }
                for (String n : file.names(names, path)) {
                    String previous = keys.get(kind).put(Names.key(n), target);
                    if (previous != null && !previous.equals(target)) {
                        throw file.refuse(path, "config.name-means-two", n, previous);
                    }
                }
            });
        });
    }

    /** Canonical column of each heading key of a kind ("dossiers" or "transfers"). */
    Map<String, String> headings(String kind) {
        return headings.get(kind);
    }

    /** The usual Vietnamese heading of a column, to say what a file lacks; null when there is none. */
    static String vietnameseHeading(String kind, String column) {
        List<String> names = HEADINGS.getOrDefault(kind, Map.of()).getOrDefault(column, List.of());
        return names.isEmpty() ? null : names.get(0);
    }

    /** Code of each label key of a kind of value: "channel", "outcome", "level" or "field" (added names only). */
    Map<String, String> labels(String type) {
        return labels.get(type);
    }

    private static Map<String, List<String>> ordered(Object... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) pairs[i + 1];
            m.put((String) pairs[i], names);
        }
        return m;
    }
}
