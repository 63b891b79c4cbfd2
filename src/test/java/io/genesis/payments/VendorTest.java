package io.genesis.payments;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VendorTest {

    private static final Vendor GPU = new Vendor("gpu-runs", "GPU Test Runs", "gpu_compute",
            URI.create("https://gpu.vendor.example/v1"), "0x209693Bc6afc0C5328bA36FaF03C514EF312287C", 2, 1250L);

    @Test
    void servesResourcesUnderItsOriginAndPath() {
        assertTrue(GPU.serves(URI.create("https://gpu.vendor.example/v1/runs?size=large")));
        assertTrue(GPU.serves(URI.create("https://GPU.vendor.example:443/v1")));
    }

    @Test
    void lookalikeHostsPathsSchemesAndPortsAreNotItsResources() {
        assertFalse(GPU.serves(URI.create("https://gpu.vendor.example.evil.example/v1/runs")));
        assertFalse(GPU.serves(URI.create("https://gpu.vendor.example/v10/runs")));
        assertFalse(GPU.serves(URI.create("http://gpu.vendor.example/v1/runs")));
        assertFalse(GPU.serves(URI.create("https://gpu.vendor.example:8443/v1/runs")));
        assertFalse(GPU.serves(URI.create("/v1/runs")));
    }
}
