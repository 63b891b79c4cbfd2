package io.genesis.payments.policy;

/** What a decision says: approved, denied, or escalated to the Meta-Agent (and then a human). */
public enum Outcome { APPROVED, DENIED, ESCALATED }
