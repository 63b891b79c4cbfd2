package io.genesis.sites;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailAddressTest {

    @Test
    void validAddressesAreStoredTrimmedAndLowerCase() {
        assertEquals(Optional.of(new EmailAddress("ada@example.com")), EmailAddress.parse("  Ada@Example.COM "));
        assertTrue(EmailAddress.parse("first.last+tag@mail.example.co.uk").isPresent());
    }

    @Test
    void markupQuotesSpacesAndMalformedAddressesAreRefused() {
        for (String bad : new String[]{null, "", "ada", "@example.com", "ada@", "ada@example", "ada@@example.com",
                "<script>@example.com", "ada@example.com<script>", "\"ada\"@example.com", "a da@example.com",
                ".ada@example.com", "ada.@example.com", "a..da@example.com", "ada@-example.com",
                "x".repeat(65) + "@example.com", "a@" + "b".repeat(250) + ".com"}) {
            assertEquals(Optional.empty(), EmailAddress.parse(bad), String.valueOf(bad));
        }
    }
}
