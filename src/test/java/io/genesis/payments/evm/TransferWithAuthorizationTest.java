package io.genesis.payments.evm;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Optional;

import static io.genesis.payments.evm.Keccak256Test.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** EIP-3009 hashing against published values, and the x402 exact EVM specification's example payment. */
class TransferWithAuthorizationTest {

    /** coinbase/x402 specs/schemes/exact/scheme_exact_evm.md, "Example PaymentPayload" (Base Sepolia USDC). */
    private static final Eip712Domain BASE_SEPOLIA_USDC = Eip712Domain.of("USDC", "2", "eip155:84532",
            "0x036CbD53842c5426634e7929541eC2318f3dCF7e");
    private static final TransferWithAuthorization SPEC_EXAMPLE = new TransferWithAuthorization(
            "0x857b06519E91e3A54538791bDbb0E22373e36b66", "0x209693Bc6afc0C5328bA36FaF03C514EF312287C", new BigInteger("10000"),
            1740672089, 1740672154, "0xf3746613c2d920b5fdabc0856f2aeb2d4f88ee6037b8cc5d04a71a4462f13480");
    private static final String SPEC_SIGNATURE = "0x2d6a7588d6acca505cbf0d9a4a227e0c52c6c34008c8e8986a1283259764173"
            + "608a2ce6496642e377d6da8dbbf5836e9bd15092f9ecab05ded3d6293af148b571c";

    @Test
    void theTypeHashIsTheConstantOfEip3009() {
        assertEquals("7c7c6cdb67a18743f49ec6fa9b35f50d52ed05cbed4cc592e13b44501c1a2267",
                hex(Keccak256.hash(TransferWithAuthorization.TYPE)));
    }

    @Test
    void usdcOnEthereumHasTheDomainSeparatorItsContractReturns() {
        // DOMAIN_SEPARATOR() of USDC (FiatTokenV2) at 0xA0b8…eB48 on Ethereum mainnet
        assertEquals("06c37168a7db5138defc7866392bb87a741f9b3d104deb5094588ce041cae335",
                hex(Eip712Domain.of("USD Coin", "2", "eip155:1", "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48").separator()));
    }

    @Test
    void theX402SpecificationsExamplePaymentRecoversToItsPayer() {
        assertEquals(Optional.of(SPEC_EXAMPLE.from()), Signature.fromHex(SPEC_SIGNATURE).signer(SPEC_EXAMPLE.digest(BASE_SEPOLIA_USDC)));
    }

    @Test
    void anyChangedFieldOrDomainRecoversSomeoneElse() {
        Signature signature = Signature.fromHex(SPEC_SIGNATURE);
        TransferWithAuthorization moreValue = new TransferWithAuthorization(SPEC_EXAMPLE.from(), SPEC_EXAMPLE.to(),
                new BigInteger("10001"), SPEC_EXAMPLE.validAfter(), SPEC_EXAMPLE.validBefore(), SPEC_EXAMPLE.nonce());
        assertNotEquals(Optional.of(SPEC_EXAMPLE.from()), signature.signer(moreValue.digest(BASE_SEPOLIA_USDC)));
        Eip712Domain mainnet = Eip712Domain.of("USDC", "2", "eip155:8453", BASE_SEPOLIA_USDC.verifyingContract());
        assertNotEquals(Optional.of(SPEC_EXAMPLE.from()), signature.signer(SPEC_EXAMPLE.digest(mainnet)), "another chain");
        Eip712Domain version1 = Eip712Domain.of("USDC", "1", "eip155:84532", BASE_SEPOLIA_USDC.verifyingContract());
        assertNotEquals(Optional.of(SPEC_EXAMPLE.from()), signature.signer(SPEC_EXAMPLE.digest(version1)), "another version");
    }

    @Test
    void aWalletSignsAnAuthorizationThatRecoversToIt() {
        WalletKey payer = WalletKey.derivedFrom(Keccak256.hash("payer"));
        TransferWithAuthorization authorization = new TransferWithAuthorization(payer.address(), SPEC_EXAMPLE.to(),
                new BigInteger("250000"), 1740672089, 1740673889, SPEC_EXAMPLE.nonce());
        Signature signature = payer.sign(authorization.digest(BASE_SEPOLIA_USDC));
        assertEquals(Optional.of(payer.address()), signature.signer(authorization.digest(BASE_SEPOLIA_USDC)));
    }
}
