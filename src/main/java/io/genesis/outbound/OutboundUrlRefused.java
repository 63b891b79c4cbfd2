package io.genesis.outbound;

import io.genesis.problem.DomainException;

/** An outbound URL Genesis will not call, naming the request field that carried it (a 400 at intake). */
public final class OutboundUrlRefused extends DomainException {

    OutboundUrlRefused(String field, String detail) {
        super(Kind.INVALID, field + " " + detail);
        with("field", field);
    }
}
