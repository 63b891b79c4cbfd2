package io.genesis.payments.evm;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9IntegerConverter;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

import java.math.BigInteger;
import java.util.Optional;

/**
 * ECDSA on secp256k1 the way Ethereum uses it: deterministic k (RFC 6979 with HMAC-SHA256), s normalised into the
 * lower half of the order, and the recovery id that lets a verifier find the public key from the signature alone
 * (SEC 1 v2 §4.1.6).
 */
final class Secp256k1 {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    static final BigInteger N = CURVE.getN();
    static final BigInteger HALF_N = N.shiftRight(1);

    private Secp256k1() {
    }

    static boolean isPrivateKey(BigInteger d) {
        return d.signum() > 0 && d.compareTo(N) < 0;
    }

    static ECPoint publicKey(BigInteger d) {
        return new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();
    }

    /** Signs a 32-byte digest; the recovery id is found by recovering each candidate key. */
    static Signature sign(BigInteger d, ECPoint publicKey, byte[] digest) {
        requireDigest(digest);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(d, DOMAIN));
        BigInteger[] rs = signer.generateSignature(digest);
        BigInteger r = rs[0];
        BigInteger s = rs[1].compareTo(HALF_N) > 0 ? N.subtract(rs[1]) : rs[1];
        for (int recoveryId = 0; recoveryId < 2; recoveryId++) {
            if (recover(digest, r, s, recoveryId).filter(publicKey::equals).isPresent()) {
                return new Signature(r, s, 27 + recoveryId);
            }
        }
        // R.x >= n (recovery id 2 or 3) happens with probability ~2^-128
        throw new IllegalStateException("signature not expressible with v = 27 or 28");
    }

    /**
     * The public key that made (r, s) over the digest with this recovery id (0 or 1: R = (r, even or odd y)), if any.
     * Ids 2 and 3 (R.x = r + n) cannot be written as v = 27/28 and are never produced by {@link #sign}.
     */
    static Optional<ECPoint> recover(byte[] digest, BigInteger r, BigInteger s, int recoveryId) {
        requireDigest(digest);
        ECPoint rPoint;
        try {
            rPoint = decompress(r, (recoveryId & 1) == 1);
        } catch (IllegalArgumentException notOnCurve) {
            return Optional.empty();
        }
        // cofactor 1: every point of the curve has order n, so R needs no further check
        BigInteger e = new BigInteger(1, digest);
        BigInteger rInverse = r.modInverse(N);
        BigInteger u1 = e.negate().mod(N).multiply(rInverse).mod(N);
        BigInteger u2 = s.multiply(rInverse).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), u1, rPoint, u2).normalize();
        return q.isInfinity() ? Optional.empty() : Optional.of(q);
    }

    private static ECPoint decompress(BigInteger x, boolean odd) {
        X9IntegerConverter converter = new X9IntegerConverter();
        byte[] encoded = converter.integerToBytes(x, 1 + converter.getByteLength(CURVE.getCurve()));
        encoded[0] = (byte) (odd ? 0x03 : 0x02);
        return CURVE.getCurve().decodePoint(encoded);
    }

    private static void requireDigest(byte[] digest) {
        if (digest == null || digest.length != 32) {
            throw new IllegalArgumentException("a digest is 32 bytes");
        }
    }
}
