package io.genesis.payments.chain;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The on-chain reading against a local JSON-RPC stub: which calls are made, and what each answer means. */
class AuthorizationStatesTest {

    private static final String USDC = "0x036CbD53842c5426634e7929541eC2318f3dCF7e";
    private static final String PAYER = "0x857b06519e91e3a54538791bdbb0e22373e36b66";
    private static final String NONCE = "0x" + "f3".repeat(32);
    private static final String TX = "0x" + "9d".repeat(32);
    private static final long VALID_BEFORE = 1_777_344_170L;

    private JsonRpcStub chain;
    private AuthorizationStates states;

    @BeforeEach
    void start() throws IOException {
        chain = JsonRpcStub.start(0, 84532);
        states = new AuthorizationStates(new JsonRpcClient(chain.uri(), Duration.ofSeconds(5)), 5000);
    }

    @AfterEach
    void stop() {
        chain.close();
    }

    @Test
    void aUsedNonceIsSettledInTheTransactionOfItsAuthorizationUsedLog() {
        chain.head(2_000_000, VALID_BEFORE + 100);
        chain.use(PAYER, NONCE, TX);
        assertEquals(new SettlementFinding.Settled(2_000_000, Optional.of(TX)), states.find(USDC, PAYER, NONCE, VALID_BEFORE));

        List<JsonObject> requests = chain.requests();
        assertEquals(List.of("eth_getBlockByNumber", "eth_call", "eth_getLogs"), requests.stream().map(r -> r.getString("method")).toList());
        JsonObject call = requests.get(1);
        assertEquals(USDC, call.getJsonArray("params").getJsonObject(0).getString("to"));
        assertEquals(Eip3009.authorizationStateCall(PAYER, NONCE), call.getJsonArray("params").getJsonObject(0).getString("data"));
        assertEquals("0x1e8480", call.getJsonArray("params").getString(1), "asked at the head block, not at a moving 'latest'");
        JsonObject filter = requests.get(2).getJsonArray("params").getJsonObject(0);
        assertEquals(List.of(Eip3009.AUTHORIZATION_USED, Eip3009.addressWord(PAYER), NONCE),
                filter.getJsonArray("topics").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("0x1e70f8", filter.getString("fromBlock"), "head - 5000 = 1,995,000");
        assertEquals("0x1e8480", filter.getString("toBlock"));
        assertEquals("2.0", requests.get(0).getString("jsonrpc"));
    }

    @Test
    void aUsedNonceWhoseLogCannotBeSearchedIsSettledWithoutATransaction() {
        chain.use(PAYER, NONCE, TX);
        chain.fail("eth_getLogs");
        assertEquals(Optional.empty(), ((SettlementFinding.Settled) states.find(USDC, PAYER, NONCE, VALID_BEFORE)).transaction());
    }

    @Test
    void anUnusedNonceIsExpiredOnlyOnceTheChainsTimeReachedValidBefore() {
        chain.head(10, VALID_BEFORE - 1);
        assertEquals(new SettlementFinding.Pending(10, VALID_BEFORE - 1), states.find(USDC, PAYER, NONCE, VALID_BEFORE));
        chain.head(11, VALID_BEFORE);
        assertEquals(new SettlementFinding.Expired(11, VALID_BEFORE), states.find(USDC, PAYER, NONCE, VALID_BEFORE),
                "the token refuses an authorization once block.timestamp >= validBefore");
        assertEquals(2, chain.requests().stream().filter(r -> r.getString("method").equals("eth_call")).count());
        assertEquals(0, chain.requests().stream().filter(r -> r.getString("method").equals("eth_getLogs")).count());
    }

    @Test
    void theChainIdIsReadAndRpcErrorsAndSilenceAreChainUnavailable() {
        assertEquals(84532, states.chainId());
        chain.fail("eth_call");
        assertThrows(ChainUnavailable.class, () -> states.find(USDC, PAYER, NONCE, VALID_BEFORE));
        chain.close();
        assertThrows(ChainUnavailable.class, () -> states.find(USDC, PAYER, NONCE, VALID_BEFORE));
    }
}
