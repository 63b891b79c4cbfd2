package io.genesis.payments;

/** ONE_SHOT: the vendor verifies, serves and settles in one round trip. STAGED: authorize, then capture, void or refund. */
public enum PurchaseMode { ONE_SHOT, STAGED }
