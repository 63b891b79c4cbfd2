package io.genesis.safety;

/** WaltzRL's {@code classify_response} outcome. */
public enum Classification {
    SAFE, BORDERLINE, UNSAFE, OVER_REFUSAL
}
