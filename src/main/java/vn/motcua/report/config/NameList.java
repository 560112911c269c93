package vn.motcua.report.config;

import java.util.ArrayList;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Names written as a list ({@code [a, b]} or {@code - a} lines) or as one text ({@code code: Số hồ sơ}): the
 * aliases of the catalogue, the headings and labels of import-mapping.yaml. {@link JobsFile#names} checks them.
 */
@JsonDeserialize(using = NameList.Reader.class)
public final class NameList extends ArrayList<String> {

    /**
     * Jackson's single-value-as-list reading, except that a block, or a list inside the list, is refused as
     * not names (Jackson's own would call it "not a text", or lose its place in the file).
     */
    static final class Reader extends ValueDeserializer<NameList> {

        @Override
        public NameList deserialize(JsonParser p, DeserializationContext context) {
            NameList names = new NameList();
            if (p.currentToken().isScalarValue()) {
                names.add(p.getString());
                return names;
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                return (NameList) context.handleUnexpectedToken(NameList.class, p);
            }
            for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
                if (token == JsonToken.VALUE_NULL) {
                    names.add(null);
                } else if (token.isScalarValue()) {
                    names.add(p.getString());
                } else {
                    return (NameList) context.handleUnexpectedToken(NameList.class, p);
                }
            }
            return names;
        }
    }
}
