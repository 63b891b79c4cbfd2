-- Genesis schema, version 7: keeps a purchase's cost independent of how many payments exist (docs/benchmarks.md,
-- payments benchmark). Before, three lookups of every purchase read whole tables: the nonce-reuse rule (x402_payments
-- by payer and nonce, case-insensitive), the simulated facilitator's nonce check and the simulated wallet balance (a
-- SUM over every transfer of the payer).

-- Nonce-reuse rule: an EIP-3009 nonce is 32 random-looking bytes, so the nonce alone finds the row.
CREATE INDEX x402_payments_auth_nonce_idx ON x402_payments (auth_nonce) WHERE auth_nonce IS NOT NULL;

-- Simulated facilitator: has this (payer, nonce) settled?
CREATE INDEX x402_sim_transfers_auth_nonce_idx ON x402_sim_transfers (auth_nonce);

-- Simulated wallets: the net of every transfer per address, kept in the same transaction as each transfer.
CREATE TABLE x402_sim_balances (
    network      VARCHAR(64)    NOT NULL,
    asset        VARCHAR(128)   NOT NULL,
    address      VARCHAR(128)   NOT NULL,
    net_atomic   NUMERIC(78, 0) NOT NULL DEFAULT 0,
    updated_at   TIMESTAMPTZ    NOT NULL DEFAULT now(),
    PRIMARY KEY (network, asset, address)
);

COMMENT ON TABLE x402_sim_balances IS
    'SIMULATION ONLY: per simulated address, the net of the transfers in x402_sim_transfers (received minus paid), updated with each transfer. A wallet''s balance is genesis.payments.sim.wallet-balance-cents plus this.';
COMMENT ON COLUMN x402_sim_balances.network IS 'CAIP-2 network.';
COMMENT ON COLUMN x402_sim_balances.asset IS 'Token contract address (lower case).';
COMMENT ON COLUMN x402_sim_balances.address IS 'Wallet address (lower case).';
COMMENT ON COLUMN x402_sim_balances.net_atomic IS 'Received minus paid, atomic units (negative for a wallet that paid more than it received).';
COMMENT ON COLUMN x402_sim_balances.updated_at IS 'When a transfer last changed it.';

INSERT INTO x402_sim_balances (network, asset, address, net_atomic)
SELECT network, asset, address, SUM(delta)
FROM (SELECT network, asset, pay_to AS address, value_atomic AS delta FROM x402_sim_transfers
      UNION ALL
      SELECT network, asset, payer AS address, -value_atomic AS delta FROM x402_sim_transfers) moves
GROUP BY network, asset, address;
