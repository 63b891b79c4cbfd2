package io.genesis.security;

import io.genesis.problem.DomainException;

/** The caller is authenticated but may not do this (answered 403). */
public class Forbidden extends DomainException {

    public Forbidden(String detail) {
        super(Kind.FORBIDDEN, detail);
    }
}
