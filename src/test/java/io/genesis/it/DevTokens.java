package io.genesis.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mints RS256 bearer tokens signed with the DEV/TEST-ONLY key pair in {@code src/dev/jwt} — the key that
 * {@code mvn liberty:run} and the integration-test server trust, and that no production configuration reads. Run it
 * from the repository root with nothing but the JDK:
 * <pre>
 * java src/test/java/io/genesis/it/DevTokens.java --tenant acme --roles tenant,approver [--sub alice] [--minutes 60]
 * </pre>
 * The integration tests mint theirs with {@link #mint} (and forge broken ones with {@link #sign}).
 */
public final class DevTokens {

    /** The issuer and audience the dev and IT servers expect (see pom.xml). */
    public static final String ISSUER = "https://genesis.dev.local/dev-only";
    public static final String AUDIENCE = "genesis";
    static final Path PRIVATE_KEY = Path.of("src/dev/jwt/dev-only-private-key.pem");

    private DevTokens() {
    }

    public static void main(String[] args) {
        String tenant = "default";
        String roles = "tenant";
        String subject = null;
        long minutes = 60;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--tenant" -> tenant = args[i + 1];
                case "--roles" -> roles = args[i + 1];
                case "--sub" -> subject = args[i + 1];
                case "--minutes" -> minutes = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --tenant T --roles tenant,approver,operator [--sub S] [--minutes M]");
            }
        }
        List<String> groups = Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
        System.out.println(mint(subject != null ? subject : "dev-" + tenant, tenant, groups, minutes * 60));
    }

    /** A valid token for {@code tenant} (null: no tenant_id claim) with these groups, valid for that many seconds. */
    public static String mint(String subject, String tenant, List<String> groups, long seconds) {
        long now = Instant.now().getEpochSecond();
        List<String> members = new ArrayList<>(List.of(
                str("iss", ISSUER), str("aud", AUDIENCE), str("sub", subject), str("upn", subject),
                str("jti", UUID.randomUUID().toString()), num("iat", now), num("nbf", now - 1), num("exp", now + seconds),
                "\"groups\":[" + groups.stream().map(DevTokens::quote).collect(Collectors.joining(",")) + "]"));
        if (tenant != null) {
            members.add(str("tenant_id", tenant));
        }
        return sign("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", "{" + String.join(",", members) + "}");
    }

    /** Signs any header and payload JSON with the dev key (RS256), for tests that forge tokens on purpose. */
    public static String sign(String headerJson, String payloadJson) {
        String input = base64(headerJson.getBytes(StandardCharsets.UTF_8)) + "." + base64(payloadJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64(rsa.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + PRIVATE_KEY.toAbsolutePath(), e);
        }
    }

    public static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String str(String name, String value) {
        return quote(name) + ":" + quote(value);
    }

    static String num(String name, long value) {
        return quote(name) + ":" + value;
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static PrivateKey privateKey() throws java.security.GeneralSecurityException {
        try {
            String file = Files.readString(PRIVATE_KEY); // the key file starts with a DEV/TEST-ONLY label
            String pem = file.substring(file.indexOf("-----BEGIN PRIVATE KEY-----"), file.indexOf("-----END PRIVATE KEY-----"))
                    .replace("-----BEGIN PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("run from the repository root: " + PRIVATE_KEY + " not found", e);
        }
    }
}
