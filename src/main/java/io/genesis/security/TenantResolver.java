package io.genesis.security;

import io.genesis.api.InvalidParameter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that decides who the caller is and which tenant a request acts for: the verified token's
 * {@code sub}, {@code groups} and {@code tenant_id} claims. A tenant named in a body or the {@value #HEADER} header
 * must be the token's own (else 403); only an operator may name another tenant. Who decided, revoked or approved is
 * always {@link #subject()}, never a body field.
 */
@RequestScoped
public class TenantResolver {

    public static final String DEFAULT_TENANT = "default";
    public static final String HEADER = "X-Tenant-Id";
    public static final String TENANT_CLAIM = "tenant_id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @Inject
    JsonWebToken token;

    /** The caller as its token says; the authentication filter has already refused calls without a valid token. */
    public Caller caller() {
        Object tenant = token.getClaim(TENANT_CLAIM);
        Set<String> groups = token.getGroups();
        return new Caller(token.getSubject() != null ? token.getSubject() : token.getName(),
                tenant == null ? null : tenant.toString(), groups == null ? Set.of() : groups);
    }

    /** The token's subject: who decided, revoked, approved or created something. */
    public String subject() {
        return caller().subject();
    }

    /**
     * The tenant a write acts for: the token's; a body or header tenant that differs is refused unless the caller is
     * an operator, who may act for any tenant it names.
     */
    public String resolve(String fromBody, String fromHeader) {
        String named = fromBody != null ? valid(fromBody) : null;
        String header = fromHeader != null ? valid(fromHeader) : null;
        Caller caller = caller();
        if (named != null && header != null && !named.equals(header)) {
            throw new Forbidden("the body's tenant_id '" + named + "' differs from the " + HEADER + " header '" + header + "'");
        }
        String requested = named != null ? named : header;
        if (caller.isOperator() && requested != null) {
            return requested;
        }
        String own = own(caller);
        if (requested != null && !requested.equals(own)) {
            throw new Forbidden("tenant '" + requested + "' is not the tenant of your token ('" + own + "')");
        }
        return own;
    }

    /**
     * The tenant whose objects a read may return: the caller's own, or for an operator the one it filters on
     * (empty: every tenant). A non-operator naming another tenant is refused.
     */
    public Optional<String> readScope(String requested) {
        String filter = requested == null || requested.isBlank() ? null : valid(requested);
        Caller caller = caller();
        if (caller.isOperator()) {
            return Optional.ofNullable(filter);
        }
        String own = own(caller);
        if (filter != null && !filter.equals(own)) {
            throw new Forbidden("tenant '" + filter + "' is not the tenant of your token ('" + own + "')");
        }
        return Optional.of(own);
    }

    /** Whether the caller may see an object of {@code ownerTenant}; callers answer 404 when not, so nothing leaks. */
    public boolean mayAccess(String ownerTenant) {
        return caller().mayAccess(ownerTenant);
    }

    private static String own(Caller caller) {
        if (caller.tenant() == null) {
            throw new Forbidden("your token carries no " + TENANT_CLAIM + " claim"
                    + (caller.isOperator() ? "; as an operator, name the tenant (tenant_id or " + HEADER + ")" : ""));
        }
        return valid(caller.tenant());
    }

    private static String valid(String tenant) {
        if (!VALID.matcher(tenant).matches()) {
            throw new InvalidParameter("tenant_id", "tenant_id must be 1-100 characters of letters, digits, '.', '_' or '-'");
        }
        return tenant;
    }
}
