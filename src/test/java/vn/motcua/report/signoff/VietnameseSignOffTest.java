package vn.motcua.report.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.system.Messages;

/** What sign-off and verify say by default: Vietnamese, from messages.properties. */
class VietnameseSignOffTest extends DatabaseTest {

    @AfterEach
    void forgetPassword() {
        System.clearProperty("MOTCUA_KEYSTORE_PASSWORD");
    }

    @Test
    void aWrongPassword_andADraft_areSaidInVietnamese() throws Exception {
        assertThat(cli("demo", "--out", tmp.toString()).exitCode()).isZero();
        Path keystore = TestPki.p12(tmp.resolve("giam-doc.p12"), "giam-doc", new TestPki().person());
        System.setProperty("MOTCUA_KEYSTORE_PASSWORD", "sai");
        Run wrong = cliIn(Messages.VIETNAMESE, "sign-off", "--period", "2021-02", "--signer", TestPki.PERSON, "--position", "GIÁM ĐỐC",
                "--keystore", keystore.toString());
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).isEqualTo("motcua-report: Không mở được tệp khóa " + keystore + ": sai mật khẩu, hoặc"
                + " không phải tệp PKCS#12 (.p12/.pfx). Nhập lại mật khẩu (MOTCUA_KEYSTORE_PASSWORD hoặc khi được hỏi).\n");

        Run draft = cliIn(Messages.VIETNAMESE, "verify", tmp.resolve("2021-02/bao-cao-2021-02-r1.pdf").toString());
        assertThat(draft.exitCode()).isEqualTo(1);
        assertThat(draft.err()).contains("KHÔNG HỢP LỆ.").contains("bản dự thảo chưa ký không bao giờ là báo cáo đã ký");
    }
}
