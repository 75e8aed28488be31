package io.github.shikumi.cli;

/** Prints the float kernels a forked JVM chose, as a training run's JSON names them ("vector, 4x4 tiles of …"). */
public final class TileProbe {
    private TileProbe() {
    }

    public static void main(String[] args) {
        System.out.println(io.github.shikumi.engine.FloatBackprop.kernelsDescription());
    }
}
