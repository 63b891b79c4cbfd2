package io.genesis.payments.evm;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * EIP-712 {@code hashStruct}: Keccak-256 of the type hash followed by each member's 32-byte encoding, in the order of
 * the type. Covers the static types, {@code string} (hashed) and nested structs (their own {@code hashStruct});
 * arrays and {@code bytes} are not needed here and not offered.
 */
public final class Eip712Struct {

    private final ByteArrayOutputStream encoded = new ByteArrayOutputStream();

    private Eip712Struct(String encodedType) {
        append(Keccak256.hash(encodedType));
    }

    /**
     * A struct of the type whose {@code encodeType} is given, e.g. {@code Mail(Person from,Person to,string contents)
     * Person(string name,address wallet)}: the primary type first, then the referenced ones in alphabetical order.
     */
    public static Eip712Struct ofType(String encodedType) {
        return new Eip712Struct(encodedType);
    }

    public Eip712Struct address(String address) {
        return append(Words.address(address));
    }

    public Eip712Struct uint256(BigInteger value) {
        return append(Words.uint256(value));
    }

    public Eip712Struct bytes32(byte[] value) {
        if (value.length != 32) {
            throw new IllegalArgumentException("a bytes32 is 32 bytes");
        }
        return append(value);
    }

    /** A {@code bytes32} given as {@code 0x} + 64 hex digits. */
    public Eip712Struct bytes32(String hex) {
        return append(Hex.bytes(hex, 32, "a bytes32"));
    }

    public Eip712Struct string(String value) {
        return append(Keccak256.hash(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** A member of a struct type: its {@code hashStruct}. */
    public Eip712Struct struct(byte[] hashStruct) {
        return bytes32(hashStruct);
    }

    /** {@code encodeData}: the type hash and the members' words, concatenated. */
    public byte[] encoded() {
        return encoded.toByteArray();
    }

    /** {@code hashStruct} = Keccak-256 of {@link #encoded()}. */
    public byte[] hash() {
        return Keccak256.hash(encoded());
    }

    private Eip712Struct append(byte[] word) {
        encoded.writeBytes(word);
        return this;
    }
}
