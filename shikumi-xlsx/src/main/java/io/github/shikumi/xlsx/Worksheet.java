package io.github.shikumi.xlsx;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.engine.Backprop;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.model.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * One student's worksheet: the network after {@code iteration} steps of gradient descent, one image, and every
 * number the sheet gives or asks for. The numbers come from core alone ({@link Trace} for the image, {@link Backprop}
 * for ∂E over all images); {@link WorksheetHtml} only lays them out.
 *
 * @param number    the sheet's number in a class set, from 1 (1 for a single sheet)
 * @param seed      the seed of the random start, or null when the start is a model file
 * @param image     the image, 0-based
 * @param iteration the iterations of gradient descent before the sheet's numbers
 * @param eta       η of p ← p − η·∂E/∂p
 * @param net       the network at {@code iteration}
 * @param trace     every number of the image's forward and backward pass
 * @param gradientE ∂E/∂p over all images at {@code iteration}, in the one parameter order
 */
public record Worksheet(int number, Long seed, Dataset data, int image, int iteration, double eta, Network net, Trace trace,
                 double[] gradientE, double bigE) {

    /** What a sheet asks for. */
    public enum Kind {
        FORWARD, BACKWARD, UPDATE, ALL
    }

    /** Largest network a sheet lays out on A4 pages (more would not be worked by hand or fit a page). */
    public static final int MAX_INPUTS = 64;
    /** Most units of a layer on a sheet. */
    public static final int MAX_UNITS = 10;
    /** Most weight layers on a sheet. */
    public static final int MAX_LAYERS = 3;

    /** The sheet of image {@code image} for the network {@code net} after {@code iteration} iterations. */
    public static Worksheet of(int number, Long seed, Dataset data, int image, int iteration, double eta, Network net) {
        Trace tr = Trace.of(net, data.image(image), data.target(image));
        Backprop bp = new Backprop(net, data);
        double[] g = new double[net.layout().count()];
        double e = bp.gradient(net.params(), g); // ∂E/∂p = Σ_images ∂e/∂p
        return new Worksheet(number, seed, data, image, iteration, eta, net, tr, g, e);
    }

    ParamLayout layout() {
        return net.layout();
    }

    /** The updated parameter p − η·∂E/∂p (what {@code train} has after {@code iteration + 1} steps). */
    double updated(int p) {
        return net.param(p) - eta * gradientE[p]; // p ← p − η·∂E/∂p
    }

    String sName(int l, int j) {
        return "s" + layout().layerName(l) + "[" + (j + 1) + "]";
    }

    String zName(int l, int j) {
        return outputSymbol(layout(), l) + "[" + (j + 1) + "]";
    }

    String deltaName(int l, int j) {
        return "δ" + layout().layerName(l) + "[" + (j + 1) + "]";
    }

    String termName(int p) {
        return "∂e/∂" + layout().name(p);
    }

    String updatedName(int p) {
        return layout().name(p) + "′";
    }

    /** The symbol of layer l's outputs, as trace writes them: z for the output layer, h (h1, h2 …) below it. */
    public static String outputSymbol(ParamLayout lay, int l) {
        if (l == lay.layers() - 1) {
            return "z";
        }
        return lay.layers() == 2 ? "h" : "h" + (l + 1);
    }

    /** Whether a sheet can lay out a network of this shape (at most MAX_INPUTS inputs, MAX_UNITS a layer, MAX_LAYERS). */
    public static boolean fits(ParamLayout lay) {
        boolean small = lay.inputs() <= MAX_INPUTS && lay.layers() <= MAX_LAYERS;
        for (int l = 0; l < lay.layers(); l++) {
            small &= lay.units(l) <= MAX_UNITS;
        }
        return small;
    }

    /** The index letter of layer l's units: k for the output layer, j below it. */
    public static String unitLetter(ParamLayout lay, int l) {
        return l == lay.layers() - 1 ? "k" : "j";
    }

    /** The index letter of layer l's inputs: i for the pixels, j for a layer's outputs. */
    public static String inputLetter(ParamLayout lay, int l) {
        return l == 0 ? "i" : "j";
    }

    /** The symbol of layer l's inputs: x for the pixels, else the outputs of the layer below. */
    public static String inputSymbol(ParamLayout lay, int l) {
        return l == 0 ? "x" : outputSymbol(lay, l - 1);
    }

    /** Pages of a kind, in the order a student works them. */
    public static List<Kind> pages(Kind kind) {
        List<Kind> pages = new ArrayList<>();
        if (kind == Kind.ALL) {
            pages.add(Kind.FORWARD);
            pages.add(Kind.BACKWARD);
            pages.add(Kind.UPDATE);
        } else {
            pages.add(kind);
        }
        return pages;
    }
}
