package io.genesis.payments.x402;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NetworkNamesTest {

    @Test
    void v1NamesMapToTheirCaip2Ids() {
        assertEquals("eip155:84532", NetworkNames.caip2("base-sepolia"));
        assertEquals("eip155:8453", NetworkNames.caip2("base"));
        assertEquals("eip155:43113", NetworkNames.caip2("avalanche-fuji"));
        assertEquals("eip155:43114", NetworkNames.caip2("avalanche"));
        assertEquals("eip155:137", NetworkNames.caip2("polygon"));
        assertEquals("eip155:80002", NetworkNames.caip2("polygon-amoy"));
        assertEquals("eip155:1329", NetworkNames.caip2("sei"));
        assertEquals("solana:EtWTRABZaYq6iMfeYKouRu166VU2xqa1", NetworkNames.caip2("solana-devnet"));
    }

    @Test
    void caip2IdsAndUnknownNamesPassUnchangedForThePolicyToJudge() {
        assertEquals("eip155:84532", NetworkNames.caip2("eip155:84532"));
        assertEquals("fantasy-chain", NetworkNames.caip2("fantasy-chain"));
    }

    @Test
    void aCaip2IdHasItsV1NameBack() {
        assertEquals(Optional.of("base-sepolia"), NetworkNames.v1Name("eip155:84532"));
        assertEquals(Optional.of("base"), NetworkNames.v1Name("eip155:8453"));
        assertEquals(Optional.empty(), NetworkNames.v1Name("eip155:999999"));
    }

    @Test
    void eachVersionHasItsOwnHeaders() {
        assertEquals("X-PAYMENT", X402Version.V1.paymentHeader());
        assertEquals("X-PAYMENT-RESPONSE", X402Version.V1.responseHeader());
        assertEquals("PAYMENT-SIGNATURE", X402Version.V2.paymentHeader());
        assertEquals("PAYMENT-RESPONSE", X402Version.V2.responseHeader());
        assertEquals(Optional.of(X402Version.V1), X402Version.of(1));
        assertEquals(Optional.empty(), X402Version.of(3));
    }
}
