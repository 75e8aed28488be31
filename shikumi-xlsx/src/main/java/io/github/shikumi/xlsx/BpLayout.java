package io.github.shikumi.xlsx;

import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;

/**
 * Where every number of the BP sheet sits (0-based rows and columns, as POI counts them).
 *
 * <p>Columns: A holds labels; the next {@code width} narrow columns hold each image's pixels (drawn as a
 * picture); one column of sub-labels; then the number columns from {@link #num0}.
 *
 * <p>Rows, top to bottom: η, the iteration count and E; the parameter block {@code Params}; the gradient
 * block {@code Gradient}; the updated block {@code Updated} (the three in the same layout); then the image
 * table, one band of {@code height + 1} rows per image: its pixels as a picture, and in its first row every
 * number of its forward and backward pass (targets, s and z of every unit, e, δ, the gradient terms). A
 * softmax output layer has three more groups between its s and its z, so that every engine computes it with
 * plain formulas (no array evaluation): the image's largest s ("max"), u_k = e^(s_k − max) and Σ_m u_m.
 *
 * <p>The parameter block: the first layer's unit j is a {@code height × width} grid of weights shaped like
 * the image (row r, column c holds w_j,(r·width+c)), its threshold θ_j in column {@link #thetaColumn} of the
 * grid's first row; every later layer's unit k is one row holding w_k1 … w_kn and θ_k in the θ column.
 */
final class BpLayout {
    /** Excel's sheet limits. */
    static final int MAX_COLUMNS = 16_384;
    static final int MAX_ROWS = 1_048_576;

    static final int COL_LABEL = 0;
    static final int ROW_TITLE = 0;
    static final int ROW_INFO = 1;
    static final int ROW_ETA = 3;
    static final int ROW_ITERATIONS = 4;
    static final int ROW_E = 5;
    static final int ROW_LEGEND = 6;
    static final int ROW_NOTE = 7;
    /** Heading row of the parameter block; its column header row follows, then the block. */
    static final int ROW_PARAMS_HEADING = 9;

    final ParamLayout lay;
    final Output output;
    final int height;
    final int width;
    final int outputs;
    /** Images with formulas (the first ones of the data). */
    final int images;
    final int colSub;
    final int num0;
    /** Columns of weights in the parameter block (the widest fan-in as laid out); θ sits right of them. */
    final int thetaColumn;
    final int blockRows;
    final int paramsTop;
    final int gradientTop;
    final int updatedTop;
    final int tableHeading;
    final int tableHeader;
    final int tableTop;
    /** Column offsets (from num0) of each group in a band's number row. */
    private final int targetCol;
    private final int[] sCol;
    private final int[] zCol;
    private final int eCol;
    /** Softmax output only (−1 otherwise): max s, u_k = e^(s_k − max), Σ u. */
    private final int maxCol;
    private final int uCol;
    private final int sumCol;
    private final int[] deltaCol;
    private final int termCol;
    /** Rows (relative to a block's top) of each layer's first unit. */
    private final int[] unitRow;

    BpLayout(ParamLayout lay, Output output, int height, int width, int images) {
        this.lay = lay;
        this.output = output;
        this.height = height;
        this.width = width;
        this.outputs = lay.outputs();
        this.images = images;
        this.colSub = width + 1;
        this.num0 = width + 2;
        int layers = lay.layers();
        int t = width;
        for (int l = 1; l < layers; l++) {
            t = Math.max(t, lay.fanIn(l));
        }
        thetaColumn = t;
        unitRow = new int[layers];
        int rows = lay.units(0) * height;
        for (int l = 1; l < layers; l++) {
            unitRow[l] = rows;
            rows += lay.units(l);
        }
        blockRows = rows;
        paramsTop = ROW_PARAMS_HEADING + 2;
        gradientTop = paramsTop + blockRows + 3;
        updatedTop = gradientTop + blockRows + 3;
        tableHeading = updatedTop + blockRows + 1;
        tableHeader = tableHeading + 1;
        tableTop = tableHeader + 1;

        sCol = new int[layers];
        zCol = new int[layers];
        deltaCol = new int[layers];
        int c = 0;
        targetCol = c;
        c += outputs;
        int softMax = -1;
        int softU = -1;
        int softSum = -1;
        for (int l = 0; l < layers; l++) {
            sCol[l] = c;
            c += lay.units(l);
            if (l == layers - 1 && output == Output.SOFTMAX) {
                softMax = c++;
                softU = c;
                c += lay.units(l);
                softSum = c++;
            }
            zCol[l] = c;
            c += lay.units(l);
        }
        maxCol = softMax;
        uCol = softU;
        sumCol = softSum;
        eCol = c++;
        for (int l = layers - 1; l >= 0; l--) {
            deltaCol[l] = c;
            c += lay.units(l);
        }
        termCol = c;
    }

    /** Number columns a band uses (targets, s, z, e, δ, gradient terms; softmax: max, u, Σ u). */
    static int bandColumns(ParamLayout lay, Output output) {
        int units = 0;
        for (int l = 0; l < lay.layers(); l++) {
            units += lay.units(l);
        }
        int softmax = output == Output.SOFTMAX ? lay.outputs() + 2 : 0;
        return lay.outputs() + 3 * units + 1 + softmax + lay.count();
    }

    /** Last column used plus one. */
    int columns() {
        return num0 + termCol + lay.count();
    }

    /** Row of parameter p relative to a block's top, and its column (absolute). */
    int blockRow(int p) {
        return position(p)[0];
    }

    int blockColumn(int p) {
        return position(p)[1];
    }

    private int[] position(int p) {
        io.github.shikumi.model.ParamLayout.Position at = lay.locate(p);
        int l = at.layer();
        int j = at.unit();
        int i = at.input();
        if (at.isThreshold()) {
            return new int[] {unitRowOf(l, j), num0 + thetaColumn};
        }
        if (l == 0) {
            return new int[] {j * height + i / width, num0 + i % width}; // the first layer's weights drawn as the image
        }
        return new int[] {unitRow[l] + j, num0 + i};
    }

    /** Row (relative to a block's top) where unit j of layer l starts. */
    int unitRowOf(int l, int j) {
        return l == 0 ? j * height : unitRow[l] + j;
    }

    /** First row of image n's band. */
    int bandTop(int n) {
        return tableTop + n * (height + 1);
    }

    /** Last row of the image table (the last band's last pixel row). */
    int tableBottom() {
        return bandTop(images - 1) + height - 1;
    }

    int targetColumn(int k) {
        return num0 + targetCol + k;
    }

    int sColumn(int l, int j) {
        return num0 + sCol[l] + j;
    }

    int zColumn(int l, int j) {
        return num0 + zCol[l] + j;
    }

    int eColumn() {
        return num0 + eCol;
    }

    /** Softmax output: the image's largest s. */
    int maxColumn() {
        return num0 + maxCol;
    }

    /** Softmax output: u_k = e^(s_k − max). */
    int uColumn(int k) {
        return num0 + uCol + k;
    }

    /** Softmax output: Σ_m u_m. */
    int sumColumn() {
        return num0 + sumCol;
    }

    int deltaColumn(int l, int j) {
        return num0 + deltaCol[l] + j;
    }

    /** Column of image terms ∂e/∂p for parameter p. */
    int termColumn(int p) {
        return num0 + termCol + p;
    }

    /** Column of pixel i (row-major) in a band, and its row offset from the band's top. */
    int pixelColumn(int i) {
        return 1 + i % width;
    }

    int pixelRow(int i) {
        return i / width;
    }
}
