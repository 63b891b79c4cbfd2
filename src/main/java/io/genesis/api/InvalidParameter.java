package io.genesis.api;

import io.genesis.problem.DomainException;

/** A request parameter (query, header or body member) that is malformed; answered 400 naming it in {@code field}. */
public class InvalidParameter extends DomainException {

    public InvalidParameter(String field, String detail) {
        super(Kind.INVALID, detail);
        with("field", field);
    }
}
