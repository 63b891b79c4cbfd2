package io.genesis.payments.evm;

import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.util.HexFormat;

/**
 * A secp256k1 private key and the Ethereum address it controls. It never shows itself: {@link #toString()} names the
 * address only, and a malformed key is refused without echoing it.
 */
public final class WalletKey {

    private final BigInteger secret;
    private final ECPoint publicKey;
    private final String address;

    private WalletKey(BigInteger secret) {
        if (!Secp256k1.isPrivateKey(secret)) {
            throw new IllegalArgumentException("a private key must be in [1, n-1] of secp256k1");
        }
        this.secret = secret;
        this.publicKey = Secp256k1.publicKey(secret);
        this.address = EvmAddress.of(publicKey);
    }

    /**
     * Reads 64 hex digits, with or without {@code 0x}; {@link IllegalArgumentException} (which never contains the text)
     * when it is anything else or not in [1, n-1].
     */
    public static WalletKey parse(String hex) {
        String digits = hex == null ? "" : hex.strip();
        digits = digits.startsWith("0x") || digits.startsWith("0X") ? digits.substring(2) : digits;
        if (digits.length() != 64 || !digits.chars().allMatch(WalletKey::isHexDigit)) {
            throw new IllegalArgumentException("a private key must be 64 hex digits, with or without 0x");
        }
        return new WalletKey(new BigInteger(1, HexFormat.of().parseHex(digits)));
    }

    private static boolean isHexDigit(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** The key whose secret scalar is {@code secret}, in [1, n-1]. */
    public static WalletKey of(BigInteger secret) {
        return new WalletKey(secret);
    }

    /** Maps any 32 bytes (say an HMAC) onto a valid key: {@code 1 + (value mod (n - 1))}. */
    public static WalletKey derivedFrom(byte[] material) {
        return new WalletKey(new BigInteger(1, material).mod(Secp256k1.N.subtract(BigInteger.ONE)).add(BigInteger.ONE));
    }

    /** The EIP-55 address of this key. */
    public String address() {
        return address;
    }

    /** Signs a 32-byte digest (RFC 6979 k, low-s, v = 27/28). */
    public Signature sign(byte[] digest) {
        return Secp256k1.sign(secret, publicKey, digest);
    }

    @Override
    public String toString() {
        return "WalletKey[" + address + "]";
    }
}
