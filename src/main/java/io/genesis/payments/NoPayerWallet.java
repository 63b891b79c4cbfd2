package io.genesis.payments;

/** Live mode without a key for the agent: a configuration gap, not a client error. */
public final class NoPayerWallet extends PaymentFailure {

    private final String agentId;

    public NoPayerWallet(String agentId, String detail) {
        super(detail);
        this.agentId = agentId;
    }

    public String agentId() {
        return agentId;
    }
}
