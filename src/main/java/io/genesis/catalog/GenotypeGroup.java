package io.genesis.catalog;

/** The five genotype groups of the Genesis swarm: agents of one group share architecture and cooperate better. */
public enum GenotypeGroup {
    ANALYSIS, INFRASTRUCTURE, CUSTOMER_INTERACTION, CONTENT, FINANCE
}
