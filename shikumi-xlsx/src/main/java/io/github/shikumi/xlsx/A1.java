package io.github.shikumi.xlsx;

import org.apache.poi.ss.util.CellReference;

/** A1-style cell references from 0-based rows and columns, as formulas spell them. */
final class A1 {
    private A1() {
    }

    /** "B7" */
    static String ref(int row, int col) {
        return CellReference.convertNumToColString(col) + (row + 1);
    }

    /** "$B$7" */
    static String abs(int row, int col) {
        return "$" + CellReference.convertNumToColString(col) + "$" + (row + 1);
    }

    /** "B7:E11" */
    static String range(int r1, int c1, int r2, int c2) {
        return ref(r1, c1) + ":" + ref(r2, c2);
    }

    /** "$B$7:$E$11" */
    static String absRange(int r1, int c1, int r2, int c2) {
        return abs(r1, c1) + ":" + abs(r2, c2);
    }
}
