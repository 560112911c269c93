package vn.motcua.report.signoff;

import java.nio.file.Path;

/** A test certification authority: the offline {@link TestPki} or the {@link OnlinePki} with its services. */
interface TestAuthority {

    /** A person's signing certificate: {@link TestPki#PERSON} of {@link TestPki#ORGANISATION}. */
    TestPki.Issued person() throws Exception;

    /** The organisation's own (its seal's) signing certificate. */
    TestPki.Issued organisation() throws Exception;

    /** Writes the root certificate, as a recipient is given it to trust (verify --trust). */
    Path caFile(Path file) throws Exception;
}
