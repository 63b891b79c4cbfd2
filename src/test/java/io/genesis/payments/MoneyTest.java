package io.genesis.payments;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoneyTest {

    @Test
    void oneCentIsTenThousandAtomicUsdcUnits() {
        assertEquals(new BigInteger("12500000"), Money.atomicFromCents(1250, 6));
        assertEquals(1250, Money.centsFromAtomic(new BigInteger("12500000"), 6));
    }

    @Test
    void subCentAmountsRoundUpSoNothingIsFree() {
        assertEquals(1, Money.centsFromAtomic(BigInteger.ONE, 6));
        assertEquals(2, Money.centsFromAtomic(new BigInteger("10001"), 6));
        assertEquals(0, Money.centsFromAtomic(BigInteger.ZERO, 6));
    }

    @Test
    void assetsWithoutCentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Money.centsFromAtomic(BigInteger.TEN, 1));
    }
}
