package io.genesis.businesses;

import io.genesis.problem.DomainException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The tenant has created its quota of businesses today (UTC): 429, retry after midnight UTC. */
public class BusinessQuotaExceeded extends DomainException {

    public BusinessQuotaExceeded(String tenantId, int quota) {
        super(Kind.TOO_MANY_REQUESTS, "tenant " + tenantId + " has created its " + quota + " businesses for today (UTC); "
                + "the quota is genesis.businesses.daily-quota-per-tenant (or genesis.tenants.<tenant>.daily-business-quota)");
        with("quota", quota);
        Instant now = Instant.now();
        retryAfter((int) Math.max(1, Duration.between(now, now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant()).truncatedTo(ChronoUnit.SECONDS).getSeconds()));
    }
}
