package vn.motcua.report.config;

import java.util.ArrayList;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Names written as a list ({@code [a, b]} or {@code - a} lines) or as one text ({@code code: Số hồ sơ}): the
 * aliases of the catalogue, the headings and labels of import-mapping.yaml. {@link JobsFile#names} checks them.
 */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
public final class NameList extends ArrayList<String> {
}
