package io.genesis.evolution;

import java.util.Arrays;

/** A fixed-size text embedding ({@code cases.embedding}, {@code real[]}); compared by content. */
public record Embedding(float[] vector) {

    public Embedding {
        vector = vector.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    public int dimensions() {
        return vector.length;
    }

    /** Cosine similarity with {@code other}; 0 when either is all zeros. */
    public double cosine(Embedding other) {
        if (other.vector.length != vector.length) {
            throw new IllegalArgumentException("embeddings of different sizes: " + vector.length + " and " + other.vector.length);
        }
        double dot = 0;
        double norm = 0;
        double otherNorm = 0;
        for (int i = 0; i < vector.length; i++) {
            dot += (double) vector[i] * other.vector[i];
            norm += (double) vector[i] * vector[i];
            otherNorm += (double) other.vector[i] * other.vector[i];
        }
        return norm == 0 || otherNorm == 0 ? 0.0 : dot / (Math.sqrt(norm) * Math.sqrt(otherNorm));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Embedding embedding && Arrays.equals(vector, embedding.vector);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "Embedding[" + vector.length + " dimensions]";
    }
}
