package io.github.shikumi.cli;

/** Prints what a forked JVM runs: the double kernels ("vector"/"plain") and the Vector API's preferred width. */
public final class VectorWidthProbe {
    private VectorWidthProbe() {
    }

    public static void main(String[] args) throws Exception {
        String bits = "none";
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            Class<?> species = Class.forName("jdk.incubator.vector.VectorSpecies");
            Object preferred = Class.forName("jdk.incubator.vector.DoubleVector").getField("SPECIES_PREFERRED").get(null);
            bits = String.valueOf(species.getMethod("vectorBitSize").invoke(preferred));
        }
        System.out.println(io.github.shikumi.engine.Backprop.kernels() + " " + bits);
    }
}
