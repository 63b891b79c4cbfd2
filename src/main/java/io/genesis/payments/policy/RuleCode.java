package io.genesis.payments.policy;

/** Every rule of the approval policy, in evaluation order (docs/payments.md lists what each checks). */
public enum RuleCode {
    MANDATE_INVALID,
    PROTOCOL_UNSUPPORTED,
    VENDOR_NOT_ALLOWLISTED,
    PAYTO_MISMATCH,
    FRAUD_PATTERN,
    AMOUNT_OVER_TX_LIMIT,
    AGENT_DAILY_BUDGET_EXCEEDED,
    BUSINESS_LIMIT_EXCEEDED,
    DUPLICATE_CHARGE,
    NONCE_REUSED,
    VELOCITY_AGENT,
    AUTO_APPROVE_UNDER_THRESHOLD,
    REQUIRES_META_AGENT
}
