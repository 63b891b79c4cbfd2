package io.genesis.payments.evm;

import java.math.BigInteger;

/**
 * The EIP-712 domain of a token contract ({@code name, version, chainId, verifyingContract}) and the digest a wallet
 * signs under it: {@code keccak256(0x1901 || domainSeparator || hashStruct(message))}.
 */
public record Eip712Domain(String name, String version, BigInteger chainId, String verifyingContract) {

    static final String TYPE = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";
    private static final String EIP155 = "eip155:";

    public Eip712Domain {
        if (name == null || version == null || chainId == null || chainId.signum() <= 0) {
            throw new IllegalArgumentException("an EIP-712 domain needs name, version and a positive chainId");
        }
        if (!EvmAddress.isAddress(verifyingContract)) {
            throw new IllegalArgumentException("verifyingContract must be an address");
        }
    }

    /** The domain of a token on a CAIP-2 EVM network ({@code eip155:<chainId>}). */
    public static Eip712Domain of(String name, String version, String caip2Network, String verifyingContract) {
        return new Eip712Domain(name, version, chainId(caip2Network), verifyingContract);
    }

    /** The chain id of a CAIP-2 {@code eip155:<id>} network; {@link IllegalArgumentException} for any other network. */
    public static BigInteger chainId(String caip2Network) {
        if (caip2Network == null || !caip2Network.startsWith(EIP155) || !caip2Network.substring(EIP155.length()).matches("[1-9][0-9]{0,77}")) {
            throw new IllegalArgumentException("not an EVM network (eip155:<chainId>): " + caip2Network);
        }
        return new BigInteger(caip2Network.substring(EIP155.length()));
    }

    /** {@code hashStruct(EIP712Domain)}. */
    public byte[] separator() {
        return Eip712Struct.ofType(TYPE).string(name).string(version).uint256(chainId).address(verifyingContract).hash();
    }

    /** The digest to sign for a message of this domain, given its {@code hashStruct}. */
    public byte[] digest(byte[] structHash) {
        if (structHash.length != 32) {
            throw new IllegalArgumentException("a struct hash is 32 bytes");
        }
        return Keccak256.hash(new byte[] {0x19, 0x01}, separator(), structHash);
    }
}
