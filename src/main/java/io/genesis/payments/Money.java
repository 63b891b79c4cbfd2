package io.genesis.payments;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Atomic token units and US cents: cents are derived by rounding up, so a sub-cent call never costs nothing. */
public final class Money {

    private Money() {
    }

    /** {@code ceil(atomic / 10^(decimals - 2))}; decimals must be at least 2. */
    public static long centsFromAtomic(BigInteger atomic, int decimals) {
        if (decimals < 2) {
            throw new IllegalArgumentException("assets with fewer than 2 decimals are not supported");
        }
        return new BigDecimal(atomic).movePointLeft(decimals - 2).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** Cents as dollars for people: {@code $11.99}. */
    public static String dollars(long cents) {
        return String.format(java.util.Locale.ROOT, "$%d.%02d", cents / 100, Math.abs(cents % 100));
    }

    public static BigInteger atomicFromCents(long cents, int decimals) {
        return BigInteger.valueOf(cents).multiply(BigInteger.TEN.pow(decimals - 2));
    }
}
