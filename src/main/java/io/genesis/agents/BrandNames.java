package io.genesis.agents;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Invented company and product names ("Cobaltly", "Harbor Works"), chosen deterministically from a seed. */
final class BrandNames {

    private static final List<String> PREFIXES = List.of("Nimbus", "Bright", "Swift", "Atlas", "Cobalt", "Lumen", "Pioneer",
            "Vertex", "Harbor", "Summit", "Maple", "Orbit", "Beacon", "Juniper", "Quartz", "Tandem");
    private static final List<String> SUFFIXES = List.of("ly", "io", " HQ", "Stack", "Base", " Works", "Labs", "Hub", "Kit",
            "Flow", "Desk", "Pilot");

    private BrandNames() {
    }

    /** {@code count} distinct names, none equal (ignoring case) to a name in {@code taken}. */
    static List<String> generate(int count, Set<String> taken, String... seed) {
        int combinations = PREFIXES.size() * SUFFIXES.size();
        Set<String> excluded = new LinkedHashSet<>();
        taken.forEach(name -> excluded.add(name.toLowerCase(Locale.ROOT)));
        List<String> names = new ArrayList<>();
        int start = Identifiers.bounded(combinations, seed);
        for (int step = 0; step < combinations && names.size() < count; step++) {
            // 97 is prime to the 192 combinations, so the walk visits every one before repeating
            int index = Math.floorMod(start + step * 97, combinations);
            String name = PREFIXES.get(index / SUFFIXES.size()) + SUFFIXES.get(index % SUFFIXES.size());
            if (excluded.add(name.toLowerCase(Locale.ROOT))) {
                names.add(name);
            }
        }
        if (names.size() < count) {
            throw new IllegalArgumentException("only " + names.size() + " names are left, " + count + " were asked for");
        }
        return names;
    }
}
