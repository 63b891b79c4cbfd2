/**
 * The bottom floor everyone may import: the ten business archetypes and agent identity (names, usual task types,
 * expected artefacts, HALO profiles and cost tiers, swarm genotypes), as pure data.
 * Must not import anything of {@code io.genesis}, hold state, read configuration or talk to Redis, SQL or HTTP.
 */
package io.genesis.catalog;
