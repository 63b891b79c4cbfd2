package io.genesis.payments.chain;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Whether an EIP-3009 authorization was used on chain, read from one consistent block over JSON-RPC:
 * <ol>
 *   <li>{@code eth_getBlockByNumber("latest", false)}: the head's number and timestamp;</li>
 *   <li>{@code eth_call({to: asset, data: authorizationState(authorizer, nonce)}, head)}: used or not;</li>
 *   <li>when used, {@code eth_getLogs({address: asset, topics: [AuthorizationUsed, authorizer, nonce], fromBlock:
 *       head − lookback, toBlock: head})}: the transaction that used it (left unknown when the provider refuses the
 *       range or the log is older);</li>
 * </ol>
 * unused at a head whose timestamp is at or past {@code validBefore} is final, because the token refuses an
 * authorization once {@code block.timestamp ≥ validBefore} and block times never go back.
 */
public final class AuthorizationStates {

    private static final Logger LOG = Logger.getLogger(AuthorizationStates.class.getName());

    private final JsonRpcClient rpc;
    private final long logLookbackBlocks;

    public AuthorizationStates(JsonRpcClient rpc, long logLookbackBlocks) {
        if (logLookbackBlocks < 0) {
            throw new IllegalArgumentException("log lookback must be >= 0 blocks");
        }
        this.rpc = rpc;
        this.logLookbackBlocks = logLookbackBlocks;
    }

    /** {@code eth_chainId}: the chain the endpoint serves, to compare with a payment's CAIP-2 network. */
    public long chainId() {
        return quantity(rpc.call("eth_chainId", JsonValue.EMPTY_JSON_ARRAY), "eth_chainId");
    }

    public SettlementFinding find(String asset, String authorizer, String nonce, long validBefore) {
        String data = Eip3009.authorizationStateCall(authorizer, nonce);
        JsonValue head = rpc.call("eth_getBlockByNumber", JsonConventions.json().createArrayBuilder().add("latest").add(false).build());
        if (!(head instanceof JsonObject block)) {
            throw new ChainUnavailable("eth_getBlockByNumber at " + rpc.host() + " returned no latest block");
        }
        long number = quantity(block.get("number"), "block number");
        long time = quantity(block.get("timestamp"), "block timestamp");
        JsonArray call = JsonConventions.json().createArrayBuilder()
                .add(JsonConventions.json().createObjectBuilder().add("to", asset).add("data", data))
                .add(Eip3009.quantity(number)).build();
        boolean used;
        try {
            used = Eip3009.bool(text(rpc.call("eth_call", call), "eth_call"));
        } catch (IllegalArgumentException e) {
            throw new ChainUnavailable("authorizationState on " + asset + " at " + rpc.host() + ": " + e.getMessage());
        }
        if (used) {
            return new SettlementFinding.Settled(number, transaction(asset, authorizer, nonce, number));
        }
        return time >= validBefore ? new SettlementFinding.Expired(number, time) : new SettlementFinding.Pending(number, time);
    }

    private Optional<String> transaction(String asset, String authorizer, String nonce, long head) {
        JsonArray filter = JsonConventions.json().createArrayBuilder().add(JsonConventions.json().createObjectBuilder()
                .add("address", asset)
                .add("topics", JsonConventions.json().createArrayBuilder().add(Eip3009.AUTHORIZATION_USED)
                        .add(Eip3009.addressWord(authorizer)).add(Eip3009.word(nonce)))
                .add("fromBlock", Eip3009.quantity(Math.max(0, head - logLookbackBlocks)))
                .add("toBlock", Eip3009.quantity(head))).build();
        try {
            if (rpc.call("eth_getLogs", filter) instanceof JsonArray logs) {
                return logs.stream().filter(JsonObject.class::isInstance).map(JsonValue::asJsonObject)
                        .map(log -> log.getString("transactionHash", null)).filter(hash -> hash != null).findFirst();
            }
            return Optional.empty();
        } catch (ChainUnavailable e) {
            LOG.fine(() -> "No AuthorizationUsed log of " + nonce + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private long quantity(JsonValue value, String what) {
        try {
            return Eip3009.quantity(text(value, what));
        } catch (IllegalArgumentException e) {
            throw new ChainUnavailable(what + " from " + rpc.host() + ": " + e.getMessage());
        }
    }

    private String text(JsonValue value, String what) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new ChainUnavailable(what + " from " + rpc.host() + " is not a hex string: " + value);
    }
}
