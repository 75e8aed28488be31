package io.github.shikumi.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The unit function of a hidden layer, as one role: its value z = f(s), its derivative written from the output
 * z (as the book writes σ' = z(1 − z)), its spreadsheet formula, its formula text and its name in model JSON and
 * on the command line. Every face asks the role; none writes a formula of its own. The output layer and its loss
 * are the other role, {@link Output}.
 *
 * <p>Same bits everywhere: σ is shikumi's ({@link Exp}), tanh is {@link StrictMath#tanh} (fdlibm's, the same
 * result on every JVM by specification), ReLU and the identity are exact. The engine's kernels switch once per
 * row, not per element: they call the row methods ({@link #activate(double[], int)},
 * {@link #multiplyDerivative(double[], double[], int)} and their float forms) or, for σ, a vector loop that
 * computes the same bits.
 *
 * <p>A further activation (leaky ReLU, say) is one more constant here: its value and derivative in double and
 * float, its two spreadsheet formulas, its texts, its ONNX operator and its PyTorch function. Nothing else
 * names the constants.
 */
public enum Activation {
    /** The book's σ(s) = 1 / (1 + e^(−s)), σ' = z(1 − z). */
    SIGMOID("sigmoid", "σ", "σ(s) = 1 / (1 + e^(−s))", "z(1 − z)", "Sigmoid", "torch.sigmoid") {
        @Override
        public double value(double s) {
            return Exp.sigmoid(s);
        }

        @Override
        public double derivativeFromOutput(double z) {
            return z * (1.0 - z);
        }

        @Override
        public float floatValue(float s) {
            return Exp.sigmoid(s);
        }

        @Override
        public float floatDerivativeFromOutput(float z) {
            return z * (1f - z);
        }

        @Override
        public String cell(String s) {
            return "1/(1+EXP(-" + s + "))";
        }

        @Override
        public String derivativeCell(String z) {
            return z + "*(1-" + z + ")";
        }
    },
    /** tanh(s) = (e^s − e^(−s)) / (e^s + e^(−s)), tanh' = 1 − z². */
    TANH("tanh", "tanh", "tanh(s) = (e^s − e^(−s)) / (e^s + e^(−s))", "1 − z²", "Tanh", "torch.tanh") {
        @Override
        public double value(double s) {
            return StrictMath.tanh(s);
        }

        @Override
        public double derivativeFromOutput(double z) {
            return 1.0 - z * z;
        }

        @Override
        public float floatValue(float s) {
            return (float) StrictMath.tanh(s);
        }

        @Override
        public float floatDerivativeFromOutput(float z) {
            return 1f - z * z;
        }

        @Override
        public String cell(String s) {
            return "TANH(" + s + ")";
        }

        @Override
        public String derivativeCell(String z) {
            return "(1-" + z + "^2)";
        }
    },
    /** ReLU(s) = max(0, s), ReLU' = 1 where z &gt; 0, else 0 (also at s = 0, as PyTorch). */
    RELU("relu", "ReLU", "ReLU(s) = max(0, s)", "1 (z > 0), 0 (z = 0)", "Relu", "torch.relu") {
        @Override
        public double value(double s) {
            return Math.max(0.0, s);
        }

        @Override
        public double derivativeFromOutput(double z) {
            return z > 0 ? 1.0 : 0.0;
        }

        @Override
        public float floatValue(float s) {
            return Math.max(0f, s);
        }

        @Override
        public float floatDerivativeFromOutput(float z) {
            return z > 0 ? 1f : 0f;
        }

        @Override
        public String cell(String s) {
            return "MAX(0," + s + ")";
        }

        @Override
        public String derivativeCell(String z) {
            return "IF(" + z + ">0,1,0)";
        }
    },
    /** The identity z = s, derivative 1: a linear layer. */
    IDENTITY("identity", "id", "z = s", "1", "Identity", "") {
        @Override
        public double value(double s) {
            return s;
        }

        @Override
        public double derivativeFromOutput(double z) {
            return 1.0;
        }

        @Override
        public float floatValue(float s) {
            return s;
        }

        @Override
        public float floatDerivativeFromOutput(float z) {
            return 1f;
        }

        @Override
        public String cell(String s) {
            return s;
        }

        @Override
        public String derivativeCell(String z) {
            return "1";
        }
    };

    private final String id;
    private final String symbol;
    private final String formula;
    private final String derivative;
    private final String onnx;
    private final String torch;

    Activation(String id, String symbol, String formula, String derivative, String onnx, String torch) {
        this.id = id;
        this.symbol = symbol;
        this.formula = formula;
        this.derivative = derivative;
        this.onnx = onnx;
        this.torch = torch;
    }

    /**
     * The ONNX operator of this function (opset 13): Sigmoid, Tanh, Relu, Identity.
     *
     * @return the operator type
     */
    public String onnxOperator() {
        return onnx;
    }

    /**
     * The PyTorch expression of z for the expression {@code s}, e.g. {@code torch.tanh(s)}.
     *
     * @param s a Python expression
     * @return the expression of z
     */
    public String torchExpression(String s) {
        return torch.isEmpty() ? s : torch + "(" + s + ")";
    }

    /**
     * z = f(s).
     *
     * @param s the unit's input Σ w·x − θ
     * @return its output
     */
    public abstract double value(double s);

    /**
     * f'(s) written with the output z = f(s): z(1 − z) for σ, 1 − z² for tanh.
     *
     * @param z the unit's output
     * @return the derivative at its input
     */
    public abstract double derivativeFromOutput(double z);

    /**
     * z = f(s) in float (the float path).
     *
     * @param s the unit's input
     * @return its output
     */
    public abstract float floatValue(float s);

    /**
     * f' from the output, in float.
     *
     * @param z the unit's output
     * @return the derivative
     */
    public abstract float floatDerivativeFromOutput(float z);

    /**
     * The spreadsheet formula of z for the cell (or expression) holding s, e.g. {@code 1/(1+EXP(-Q5))}.
     *
     * @param s a cell reference or a parenthesised expression
     * @return the formula, without "="
     */
    public abstract String cell(String s);

    /**
     * The spreadsheet formula of f' for the cell holding z, e.g. {@code Q5*(1-Q5)}: a factor, safe to multiply
     * by as it stands ({@code (1-Q5^2)} keeps its parentheses).
     *
     * @param z a cell reference
     * @return the formula, without "="
     */
    public abstract String derivativeCell(String z);

    /**
     * The name in model JSON and on the command line.
     *
     * @return "sigmoid", "tanh", "relu" or "identity"
     */
    public String id() {
        return id;
    }

    /**
     * The function's symbol in formulas: σ, tanh, ReLU, id.
     *
     * @return the symbol
     */
    public String symbol() {
        return symbol;
    }

    /**
     * The definition as text, e.g. {@code σ(s) = 1 / (1 + e^(−s))}.
     *
     * @return the formula text
     */
    public String formula() {
        return formula;
    }

    /**
     * The derivative from the output as text, e.g. {@code z(1 − z)}.
     *
     * @return the formula text
     */
    public String derivativeFormula() {
        return derivative;
    }

    /**
     * z = f(s) along a row, in place.
     *
     * @param row the inputs s, replaced by the outputs z
     * @param n   how many values of the row
     */
    public void activate(double[] row, int n) {
        for (int i = 0; i < n; i++) {
            row[i] = value(row[i]); // z = f(s)
        }
    }

    /**
     * δ = (Σ_k δ_k·w_kj)·f'(z) along a row: multiplies each back-propagated sum by the derivative at its unit.
     *
     * @param sums the sums Σ_k δ_k·w_kj, replaced by the deltas
     * @param z    the units' outputs
     * @param n    how many values of the row
     */
    public void multiplyDerivative(double[] sums, double[] z, int n) {
        for (int i = 0; i < n; i++) {
            sums[i] *= derivativeFromOutput(z[i]); // δ_j = (Σ_k δ_k·w_kj)·f'(z_j)
        }
    }

    /**
     * z = f(s) along a float row, in place.
     *
     * @param row the inputs, replaced by the outputs
     * @param n   how many values
     */
    public void activate(float[] row, int n) {
        for (int i = 0; i < n; i++) {
            row[i] = floatValue(row[i]); // z = f(s)
        }
    }

    /**
     * The float form of {@link #multiplyDerivative(double[], double[], int)}.
     *
     * @param sums the sums, replaced by the deltas
     * @param z    the units' outputs
     * @param n    how many values
     */
    public void multiplyDerivative(float[] sums, float[] z, int n) {
        for (int i = 0; i < n; i++) {
            sums[i] *= floatDerivativeFromOutput(z[i]); // δ_j = (Σ_k δ_k·w_kj)·f'(z_j)
        }
    }

    /**
     * The activation named {@code id}, or null.
     *
     * @param id a name as in {@link #id()}
     * @return the activation, or null when there is none of that name
     */
    public static Activation of(String id) {
        for (Activation a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        return null;
    }

    /**
     * Every name, in order, for messages and help texts.
     *
     * @return "sigmoid, tanh, relu, identity"
     */
    public static String names() {
        List<String> n = new ArrayList<>();
        for (Activation a : values()) {
            n.add(a.id);
        }
        return String.join(", ", n);
    }
}
