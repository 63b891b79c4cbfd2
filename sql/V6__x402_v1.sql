-- Genesis schema, version 6: x402 v1 vendors next to v2 ones (docs/payments.md).
-- A v1 vendor quotes in the 402's JSON body and is paid with the X-PAYMENT header. Its wire objects are stored verbatim
-- in the same columns as v2 ones, so only what the columns say changes. x402_version stays unconstrained: a quote in
-- a version we do not pay is recorded as it came and denied by approval rule 2 (PROTOCOL_UNSUPPORTED).

COMMENT ON COLUMN x402_payments.x402_version IS 'x402 version the vendor quoted in and was paid in: 1 (402 body, X-PAYMENT / X-PAYMENT-RESPONSE) or 2 (PAYMENT-REQUIRED / PAYMENT-SIGNATURE / PAYMENT-RESPONSE headers); any other version is denied.';
COMMENT ON COLUMN x402_payments.network IS 'CAIP-2 network id, e.g. eip155:84532 (a v1 network name such as base-sepolia is stored mapped; the wire objects keep the name).';
COMMENT ON COLUMN x402_payments.payment_required_json IS 'PaymentRequired object from the vendor''s 402 (v2: PAYMENT-REQUIRED header; v1: the body), verbatim.';
COMMENT ON COLUMN x402_payments.requirements_json IS 'The PaymentRequirements entry that was chosen, verbatim (v1: with maxAmountRequired, resource, description, mimeType).';
COMMENT ON COLUMN x402_payments.payload_json IS 'PaymentPayload sent in PAYMENT-SIGNATURE (v2) or X-PAYMENT (v1), verbatim (signature kept for audit).';
COMMENT ON COLUMN x402_payments.settle_response_json IS 'Settlement answer (facilitator /settle, PAYMENT-RESPONSE or X-PAYMENT-RESPONSE), verbatim; one reconciled after a lost answer says reconciled: true.';
