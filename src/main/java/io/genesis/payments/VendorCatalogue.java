package io.genesis.payments;

import io.genesis.payments.evm.EvmAddress;
import io.genesis.payments.x402.X402Version;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the vendor catalogue from configuration. A vendor is {@code genesis.payments.vendors.<id>.*}; its id comes from
 * the built-in list {@code genesis.payments.vendors}, from {@code genesis.payments.vendors.extra} (a list for
 * deployments that configure through environment variables, whose names cannot be enumerated back into ids), or from
 * any {@code genesis.payments.vendors.<id>.url} key present (properties, system properties), so adding a vendor never
 * restates the list. Only {@code url} and {@code pay-to} are required: {@code name} defaults to the id, {@code category}
 * to {@value #UNCATEGORISED}, {@code x402-version} to 2 and {@code price-cents} to unknown (the vendor's 402 quote
 * prices each purchase). A mixed-case {@code pay-to} must carry a valid EIP-55 checksum; every address is kept in that form.
 */
final class VendorCatalogue {

    static final String PREFIX = "genesis.payments.vendors";
    static final String EXTRA = PREFIX + ".extra";
    static final String UNCATEGORISED = "uncategorised";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern URL_KEY = Pattern.compile(Pattern.quote(PREFIX + ".") + "([^.]+)\\.url");

    private VendorCatalogue() {
    }

    /**
     * The catalogue, in the order: listed vendors, extra vendors, then discovered ones by id. {@code value} looks a key
     * up, {@code list} reads a comma-separated key, {@code names} are the configured property names.
     */
    static Map<String, Vendor> read(Iterable<String> names, Function<String, Optional<String>> value,
                                    Function<String, List<String>> list) {
        Set<String> ids = new LinkedHashSet<>();
        Stream.concat(list.apply(PREFIX).stream(), list.apply(EXTRA).stream()).map(String::trim).filter(id -> !id.isEmpty()).forEach(ids::add);
        Set<String> discovered = new TreeSet<>();
        for (String name : names) {
            Matcher key = URL_KEY.matcher(name);
            if (key.matches()) {
                discovered.add(key.group(1));
            }
        }
        ids.addAll(discovered);
        Map<String, Vendor> catalogue = new LinkedHashMap<>();
        for (String id : ids) {
            catalogue.put(id, vendor(id, value));
        }
        return catalogue;
    }

    private static Vendor vendor(String id, Function<String, Optional<String>> value) {
        String key = PREFIX + "." + id + ".";
        if (!ID.matcher(id).matches() || id.equals("extra")) {
            throw new IllegalStateException("Vendor id '" + id + "' (" + PREFIX + "): ids are 1-64 letters, digits, '_' or '-',"
                    + " and 'extra' is reserved");
        }
        String url = value.apply(key + "url").map(String::trim).filter(text -> !text.isEmpty()).orElseThrow(() ->
                new IllegalStateException("Vendor " + id + " has no " + key + "url (the URL prefix of its paid resources)"));
        String payTo = value.apply(key + "pay-to").map(String::trim).orElseThrow(() ->
                new IllegalStateException("Vendor " + id + " has no " + key + "pay-to (the only address it may be paid at)"));
        URI normalised;
        try {
            normalised = VendorUrl.normalised(url);
            payTo = EvmAddress.parseChecksummed(payTo);
        } catch (InvalidPaymentRequest | IllegalArgumentException e) {
            throw new IllegalStateException("Vendor " + id + " (" + key + "url / pay-to): " + e.getMessage(), e);
        }
        int version = value.apply(key + "x402-version").map(String::trim).map(text -> number(key + "x402-version", text))
                .map(Long::intValue).orElse(X402Version.V2.number());
        if (X402Version.of(version).isEmpty()) {
            throw new IllegalStateException(key + "x402-version must be 1 or 2, not " + version);
        }
        Long price = value.apply(key + "price-cents").map(String::trim).filter(text -> !text.isEmpty())
                .map(text -> number(key + "price-cents", text)).orElse(null);
        if (price != null && price <= 0) {
            throw new IllegalStateException(key + "price-cents must be positive, not " + price);
        }
        return new Vendor(id, value.apply(key + "name").map(String::trim).filter(text -> !text.isEmpty()).orElse(id),
                value.apply(key + "category").map(String::trim).filter(text -> !text.isEmpty()).orElse(UNCATEGORISED),
                normalised, payTo, version, price);
    }

    private static long number(String key, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(key + " must be a whole number, not '" + text + "'", e);
        }
    }
}
