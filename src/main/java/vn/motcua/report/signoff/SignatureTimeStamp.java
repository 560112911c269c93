package vn.motcua.report.signoff;

import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;

import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.report.period.VietnamTime;

/**
 * A signature's own time-stamp: the RFC 3161 token in its CMS's unsigned signature-time-stamp attribute
 * (ETSI EN 319 122-1), which proves the signature value existed at the time it states. The signer's signature
 * does not cover the attribute, so whoever holds the file can alter or replace the token without touching
 * anything else: the token is checked on its own, over exactly that signature value, signed by the authority
 * whose certificate it carries.
 *
 * @param at             when the authority saw the signature
 * @param authorityUntil when the authority's certificate ends
 */
record SignatureTimeStamp(OffsetDateTime at, OffsetDateTime authorityUntil) {

    private static final Logger log = LoggerFactory.getLogger(SignatureTimeStamp.class);

    /** The signature claims a time-stamp that does not prove it: altered, replaced, or over other bytes. */
    static final class Broken extends Exception {
        Broken(String why, Throwable cause) {
            super(why, cause);
        }
    }

    /**
     * The signer's time-stamp; null when it has none (a B-B signature).
     *
     * @throws Broken when it has one that cannot be read, is over other bytes, or whose authority's signature
     *                does not hold
     */
    static SignatureTimeStamp of(SignerInformation signer) throws Broken {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute attribute = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return null;
        }
        if (attribute.getAttrValues().size() != 1) {
            log.info("signature time-stamp attribute with {} tokens", attribute.getAttrValues().size());
            throw new Broken("not exactly one token", null);
        }
        byte[] token;
        try {
            token = attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            log.info("signature time-stamp cannot be encoded", e);
            throw new Broken("unreadable", e);
        }
        return over(signer.getSignature(), token);
    }

    /**
     * The time-stamp {@code token} (an encoded RFC 3161 token) as proof of {@code signatureValue}.
     *
     * @throws Broken when it cannot be read, is over other bytes, carries no authority certificate, or the
     *                authority's signature does not hold
     */
    static SignatureTimeStamp over(byte[] signatureValue, byte[] token) throws Broken {
        try {
            TimeStampToken read = new TimeStampToken(new CMSSignedData(token));
            DigestCalculator digest = new JcaDigestCalculatorProviderBuilder().build()
                    .get(read.getTimeStampInfo().getHashAlgorithm());
            try (OutputStream out = digest.getOutputStream()) {
                out.write(signatureValue);
            }
            if (!Arrays.equals(digest.getDigest(), read.getTimeStampInfo().getMessageImprintDigest())) {
                throw new Broken("the token is over other bytes than the signature value", null);
            }
            X509Certificate[] chain = LongTerm.authorityChain(token);
            if (chain.length == 0) {
                throw new Broken("the token carries no authority certificate to check it with", null);
            }
            X509Certificate authority = chain[0];
            // Checks the authority's signature, that the token names this certificate, and that it was valid then.
            read.validate(new JcaSimpleSignerInfoVerifierBuilder().build(authority));
            return new SignatureTimeStamp(time(read.getTimeStampInfo().getGenTime()), time(authority.getNotAfter()));
        } catch (Broken e) {
            log.info("signature time-stamp does not verify: {}", e.getMessage());
            throw e;
        } catch (Exception e) {
            log.info("signature time-stamp cannot be read or does not verify", e);
            throw new Broken("unreadable or not verifying", e);
        }
    }

    private static OffsetDateTime time(Date date) {
        return date.toInstant().atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
