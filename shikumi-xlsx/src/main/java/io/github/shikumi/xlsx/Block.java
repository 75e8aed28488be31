package io.github.shikumi.xlsx;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The groups of formula cells on the BP sheet, in the order the computation needs them: what an exercise leaves
 * empty ({@code export-xlsx --exercise --blank BLOCKS}) and what {@link ExerciseCheck} checks.
 */
public enum Block {
    /** s_j = Σ_i w_ji·x_i − θ_j of every unit of every image. */
    S,
    /** z_j = σ(s_j) (softmax output: max, u and Σ u too). */
    Z,
    /** e of every image. */
    E,
    /** δO and δH of every image. */
    DELTA,
    /** The image terms ∂e/∂p. */
    TERMS,
    /** The Gradient block ∂E/∂p = Σ_images ∂e/∂p. */
    GRADIENT,
    /** The Updated block p − η·∂E/∂p. */
    UPDATED,
    /** E = Σ_images e. */
    TOTAL;

    /** The option's words: s, z, e, delta, terms, gradient, updated, total; and forward, backward, update, all. */
    public static Set<Block> parse(String list) {
        Set<Block> set = EnumSet.noneOf(Block.class);
        for (String word : list.split(",")) {
            String w = word.trim().toLowerCase(Locale.ROOT);
            switch (w) {
                case "forward" -> set.addAll(EnumSet.of(S, Z, E, TOTAL));
                case "backward" -> set.addAll(EnumSet.of(DELTA, TERMS, GRADIENT));
                case "update" -> set.add(UPDATED);
                case "all" -> set.addAll(EnumSet.allOf(Block.class));
                default -> {
                    Block b = null;
                    for (Block c : values()) {
                        if (c.word().equals(w)) {
                            b = c;
                        }
                    }
                    if (b == null) {
                        throw new IllegalArgumentException(word.trim());
                    }
                    set.add(b);
                }
            }
        }
        return set;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
