package io.genesis.payments.policy;

/** One rule as evaluated: PASS, FAIL (it denies) or WARN (it escalates), with what it saw and its limit when numeric. */
public record Check(RuleCode code, Result result, Long observed, Long limit) {

    public enum Result { PASS, FAIL, WARN }

    static Check pass(RuleCode code) {
        return new Check(code, Result.PASS, null, null);
    }
}
