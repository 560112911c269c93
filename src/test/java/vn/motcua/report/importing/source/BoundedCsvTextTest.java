package vn.motcua.report.importing.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;

import org.junit.jupiter.api.Test;

import vn.motcua.report.importing.source.ImportLimits.Exceeded.What;

/** How a CSV's values, records and lines are measured as they pass: quoting followed as the parser does. */
class BoundedCsvTextTest {

    /** Reads {@code text} through limits of 5 characters a value, 12 a record, 3 values a record. */
    private static void read(String text) throws IOException {
        try (BoundedCsvText in = new BoundedCsvText(new StringReader(text), ',', 5, 12, 3)) {
            in.transferTo(Writer.nullWriter());
        }
    }

    private static ImportLimits.Exceeded over(String text) {
        BoundedCsvText.TooLong e = catchThrowableOfType(BoundedCsvText.TooLong.class, () -> read(text));
        assertThat(e).as(text).isNotNull();
        return e.exceeded();
    }

    @Test
    void valuesWithinTheLimits_passUntouched() {
        assertThatCode(() -> read("ab,cd,ef\r\n12345,x\n\"a,b\",\"\"\"q\"\"\",\n \"ab\" ,x\n5\" tv,x\n")).doesNotThrowAnyException();
    }

    @Test
    void aValueTooLong_isNamedByTheLineWhereItStarts_andItsPlace() {
        ImportLimits.Exceeded e = over("a,b\nx,123456\n");
        assertThat(e.what()).isEqualTo(What.VALUE);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(1);

        // Quoted, over lines, with separators and quotes inside: one value from line 3.
        e = over("a\r\nb\r\nc,\"1\n2,\"\"3\n4\"\n");
        assertThat(e.what()).isEqualTo(What.VALUE);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(1);

        // Lines as an editor counts them: \r, \n and \r\n each end one, inside quotes too.
        e = over("\"a\rb\nc\",d\r\ne,123456\n");
        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void separatorsInsideQuotes_areNoValues_butOutsideTheyAre() {
        assertThatCode(() -> read("\"a,b\",\"c,\",d\n")).doesNotThrowAnyException();
        ImportLimits.Exceeded e = over("x\n5\" tv,a,b,c\n");   // a quote inside an unquoted value opens nothing
        assertThat(e.what()).isEqualTo(What.VALUES);
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void aRecordTooLong_orALineWithoutEnd_isNamedByItsFirstLine() {
        assertThatCode(() -> read("abcd,abcd,ab\n")).doesNotThrowAnyException();
        ImportLimits.Exceeded e = over("h\nabcd,abcd,abc\n");
        assertThat(e.what()).isEqualTo(What.LINE);
        assertThat(e.line()).isEqualTo(2);

        e = over("ab,\"c\nd\",ef,");
        assertThat(e.what()).isEqualTo(What.VALUES);
        assertThat(e.line()).isEqualTo(1);
    }
}
