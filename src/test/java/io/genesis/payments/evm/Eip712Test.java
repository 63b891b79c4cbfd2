package io.genesis.payments.evm;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static io.genesis.payments.evm.Keccak256Test.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The "Ether Mail" example of the EIP-712 specification (EIPS/eip-712.md and assets/eip-712/Example.js): type hash,
 * encoded data and struct hash of the message, domain separator, digest, and the signature by keccak256("cow").
 */
class Eip712Test {

    private static final String MAIL = "Mail(Person from,Person to,string contents)Person(string name,address wallet)";
    private static final String PERSON = "Person(string name,address wallet)";
    static final Eip712Domain ETHER_MAIL = new Eip712Domain("Ether Mail", "1", BigInteger.ONE, "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC");

    static Eip712Struct mail() {
        byte[] cow = Eip712Struct.ofType(PERSON).string("Cow").address("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826").hash();
        byte[] bob = Eip712Struct.ofType(PERSON).string("Bob").address("0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB").hash();
        return Eip712Struct.ofType(MAIL).struct(cow).struct(bob).string("Hello, Bob!");
    }

    static WalletKey cow() {
        return WalletKey.of(new BigInteger(1, Keccak256.hash("cow")));
    }

    @Test
    void theMailMessageEncodesAndHashesAsTheSpecificationSays() {
        assertEquals("a0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2", hex(Keccak256.hash(MAIL)));
        assertEquals("a0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2"
                + "fc71e5fa27ff56c350aa531bc129ebdf613b772b6604664f5d8dbe21b85eb0c8"
                + "cd54f074a4af31b4411ff6a60c9719dbd559c221c8ac3492d9d872b041d703d1"
                + "b5aadf3154a261abdd9086fc627b61efca26ae5702701d05cd2305f7c52a2fc8", hex(mail().encoded()));
        assertEquals("c52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e", hex(mail().hash()));
    }

    @Test
    void theDomainSeparatorAndDigestAreTheSpecifications() {
        assertEquals("f2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f", hex(ETHER_MAIL.separator()));
        assertEquals("be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", hex(ETHER_MAIL.digest(mail().hash())));
    }

    @Test
    void theCowSignsExactlyTheSpecificationsSignature() {
        WalletKey cow = cow();
        assertEquals("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", cow.address());
        Signature signature = cow.sign(ETHER_MAIL.digest(mail().hash()));
        assertEquals(28, signature.v());
        assertEquals(new BigInteger("4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d", 16), signature.r());
        assertEquals(new BigInteger("07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562", 16), signature.s());
        assertEquals("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"
                + "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562" + "1c", signature.toHex());
    }

    @Test
    void aChainIdComesFromTheCaip2Network() {
        assertEquals(BigInteger.valueOf(84532), Eip712Domain.chainId("eip155:84532"));
        assertEquals(BigInteger.ONE, Eip712Domain.of("Ether Mail", "1", "eip155:1", ETHER_MAIL.verifyingContract()).chainId());
        for (String network : new String[] {"solana:mainnet", "eip155:", "eip155:0", "eip155:-1", "eip155:08453", "base-sepolia", null}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Eip712Domain.chainId(network), network);
        }
    }
}
