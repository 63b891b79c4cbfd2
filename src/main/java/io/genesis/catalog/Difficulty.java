package io.genesis.catalog;

/** How hard an archetype is to build and launch (the Genesis code's easy / medium / hard). */
public enum Difficulty {
    EASY, MEDIUM, HARD
}
