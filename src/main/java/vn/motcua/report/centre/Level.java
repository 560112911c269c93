package vn.motcua.report.centre;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Where a centre stands: the province's own centre, one of its branches, or a commune's centre. */
public enum Level {
    PROVINCE("province"),
    BRANCH("branch"),
    COMMUNE("commune");

    private final String code;

    Level(String code) {
        this.code = code;
    }

    /** As centres.yaml writes it: {@code province}, {@code branch}, {@code commune}. */
    public String code() {
        return code;
    }

    /** The province's centre and its branches are counted together ("Cấp tỉnh"), the communes' apart ("Cấp xã"). */
    public boolean provincial() {
        return this != COMMUNE;
    }

    static Optional<Level> ofCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(Level::code).toList();
    }
}
