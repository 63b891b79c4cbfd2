package io.genesis.payments.evm;

import java.math.BigInteger;

/**
 * The EIP-3009 message an x402 {@code exact} EVM payment signs: the token contract moves {@code value} from
 * {@code from} to {@code to} once, between {@code validAfter} and {@code validBefore} (epoch seconds), under a 32-byte
 * {@code nonce} ({@code 0x} + 64 hex digits).
 */
public record TransferWithAuthorization(String from, String to, BigInteger value, long validAfter, long validBefore, String nonce) {

    public static final String TYPE =
            "TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)";

    /** {@code hashStruct(TransferWithAuthorization)}. */
    public byte[] hash() {
        return Eip712Struct.ofType(TYPE).address(from).address(to).uint256(value).uint256(BigInteger.valueOf(validAfter))
                .uint256(BigInteger.valueOf(validBefore)).bytes32(nonce).hash();
    }

    /** The digest the payer's wallet signs under the token's domain. */
    public byte[] digest(Eip712Domain token) {
        return token.digest(hash());
    }
}
