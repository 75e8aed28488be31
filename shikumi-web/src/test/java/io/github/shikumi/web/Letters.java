package io.github.shikumi.web;

/**
 * A small A/P/L/E dataset for tests, 5 rows × 4 columns: each letter's clean form and variants with one
 * pixel flipped, written as bitmap text.
 */
final class Letters {
    static final String[][] BASE = {
        {"A", ".##.", "#..#", "####", "#..#", "#..#"},
        {"P", "###.", "#..#", "###.", "#...", "#..."},
        {"L", "#...", "#...", "#...", "#...", "####"},
        {"E", "####", "#...", "###.", "#...", "####"},
    };

    private Letters() {
    }

    /** {@code perLetter} images of each letter: the clean one, then one pixel flipped each (distinct). */
    static String text(int perLetter) {
        StringBuilder sb = new StringBuilder("# labels: A P L E\n");
        for (int v = 0; v < perLetter; v++) {
            for (String[] letter : BASE) {
                char[] px = String.join("", java.util.Arrays.copyOfRange(letter, 1, 6)).toCharArray();
                if (v > 0) {
                    int i = (v * 7 + 3) % 20;
                    px[i] = px[i] == '#' ? '.' : '#';
                }
                sb.append('\n').append(letter[0]).append('\n');
                for (int r = 0; r < 5; r++) {
                    sb.append(px, r * 4, 4).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** The clean letter as pixels 0/1, row-major. */
    static double[] pixels(String label) {
        for (String[] letter : BASE) {
            if (letter[0].equals(label)) {
                String rows = String.join("", java.util.Arrays.copyOfRange(letter, 1, 6));
                double[] x = new double[20];
                for (int i = 0; i < 20; i++) {
                    x[i] = rows.charAt(i) == '#' ? 1 : 0;
                }
                return x;
            }
        }
        throw new IllegalArgumentException(label);
    }
}
