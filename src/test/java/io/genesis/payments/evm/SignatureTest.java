package io.genesis.payments.evm;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ecrecover over signatures of our own and of the EIP-712 specification. */
class SignatureTest {

    private static final byte[] DIGEST = Eip712Test.ETHER_MAIL.digest(Eip712Test.mail().hash());
    private static final String SPEC_SIGNATURE = "0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"
            + "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562" + "1c";

    @Test
    void theSpecificationsSignatureRecoversToTheCow() {
        assertEquals(Optional.of("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"), Signature.fromHex(SPEC_SIGNATURE).signer(DIGEST));
        assertEquals(SPEC_SIGNATURE, Signature.fromHex(SPEC_SIGNATURE).toHex(), "65 bytes r || s || v round trip");
    }

    @Test
    void signaturesOfManyKeysAndDigestsRecoverToTheirSigner() {
        for (int i = 1; i <= 40; i++) {
            WalletKey key = WalletKey.derivedFrom(Keccak256.hash("key " + i));
            byte[] digest = Keccak256.hash("message " + i);
            Signature signature = key.sign(digest);
            assertTrue(signature.s().compareTo(Secp256k1.HALF_N) <= 0, "low-s");
            assertEquals(Optional.of(key.address()), Signature.fromHex(signature.toHex()).signer(digest), "key " + i);
            assertEquals(signature, key.sign(digest), "RFC 6979: the same digest gives the same signature");
        }
    }

    @Test
    void aTamperedDigestRecoversAnotherAddress() {
        byte[] tampered = DIGEST.clone();
        tampered[31] ^= 1;
        Optional<String> signer = Signature.fromHex(SPEC_SIGNATURE).signer(tampered);
        assertNotEquals(Optional.of("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"), signer);
        Signature otherV = new Signature(Signature.fromHex(SPEC_SIGNATURE).r(), Signature.fromHex(SPEC_SIGNATURE).s(), 27);
        assertNotEquals(Optional.of("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"), otherV.signer(DIGEST), "the other recovery id");
    }

    @Test
    void highSAndOtherMalleableOrMalformedSignaturesAreRefused() {
        Signature low = Signature.fromHex(SPEC_SIGNATURE);
        String highS = "0x" + hex32(low.r()) + hex32(Secp256k1.N.subtract(low.s())) + "1b";
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Signature.fromHex(highS));
        assertTrue(refused.getMessage().contains("low-s"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Signature.fromHex(SPEC_SIGNATURE.substring(0, 130) + "01"), "v 0/1");
        assertThrows(IllegalArgumentException.class, () -> Signature.fromHex(SPEC_SIGNATURE.substring(0, 130)), "64 bytes");
        assertThrows(IllegalArgumentException.class, () -> Signature.fromHex(SPEC_SIGNATURE.substring(2) + "00"), "no 0x");
        assertThrows(IllegalArgumentException.class, () -> Signature.fromHex("0x" + "00".repeat(64) + "1b"), "r = s = 0");
        assertThrows(IllegalArgumentException.class, () -> Signature.fromHex(null));
    }

    @Test
    void anRThatIsNoCurvePointRecoversNothing() {
        // x = 5 is not the x coordinate of a secp256k1 point (5^3 + 7 = 132 is no square mod p)
        assertEquals(Optional.empty(), new Signature(BigInteger.valueOf(5), BigInteger.ONE, 27).signer(DIGEST));
    }

    private static String hex32(BigInteger value) {
        return String.format("%064x", value);
    }
}
