package io.github.shikumi.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.AtomicFiles;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.model.Provenance;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import io.github.shikumi.update.PlainUpdate;
import io.github.shikumi.update.UpdateRule;
import io.github.shikumi.update.UpdateRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run of shikumi as a short PyTorch script: the same network written with the book's conventions in plain
 * sight ({@code s = x·wᵀ − θ}, the threshold subtracted; E summed over the images, not averaged), the same data,
 * the same initial parameters (every double copied exactly), and the same training: {@code torch.optim.SGD} with
 * lr = η on all images at once, in float64 (or the PyTorch optimiser of another update rule: SGD with momentum,
 * {@code torch.optim.Adam}). Run with {@code python3 run.py [STATE.json]}, it prints E at every
 * iteration (as {@code k E}, E in Python's exact repr) and saves the trained state as JSON
 * ({@value PyTorchState#FORMAT}), which {@link PyTorchState#read(Path)} reads back into a {@link Network}.
 * Comments are in English or Japanese.
 */
public final class PyTorchScript {
    /** The state file the script writes when it is given no path. */
    public static final String DEFAULT_STATE = "run-state.json";
    /** The most pixel values a script holds (about 8 MB of text): the book's data have 2,560. */
    public static final long MAX_PIXELS = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private PyTorchScript() {
    }

    /**
     * The script's text.
     *
     * @param start      the initial network (its parameters are the script's starting point)
     * @param data       the training images (written into the script)
     * @param eta        η, a positive finite number
     * @param iterations the iterations of gradient descent, 0 or more
     * @param locale     the language of the comments: Japanese for any {@code ja} locale, English otherwise
     * @return the Python source
     * @throws ShikumiException when the data do not fit the network or have more than {@link #MAX_PIXELS} pixel
     *         values, or η or the iterations are invalid
     */
    public static String script(Network start, Dataset data, double eta, int iterations, Locale locale) {
        return script(start, data, new PlainUpdate(eta), iterations, locale); // checks η
    }

    /**
     * The script of a run by another update rule: the same, with the rule's PyTorch optimiser in place of
     * {@code torch.optim.SGD} (momentum: SGD with momentum; Adam: {@code torch.optim.Adam}), from
     * {@link UpdateRule#torchOptimizer(String, String)}.
     *
     * @param start      the initial network
     * @param data       the training images
     * @param rule       the update rule and its η
     * @param iterations the iterations, 0 or more
     * @param locale     the language of the comments
     * @return the Python source
     * @throws ShikumiException as {@link #script(Network, Dataset, double, int, Locale)}, and for {@code "optimizer"}
     *         when PyTorch has no optimiser for the rule
     */
    public static String script(Network start, Dataset data, UpdateRule rule, int iterations, Locale locale) {
        start.checkFits(data, "model");
        double eta = rule.eta();
        String optimizer = rule.torchOptimizer("net.parameters()", "ETA");
        if (optimizer == null) {
            List<String> exportable = new ArrayList<>(); // the registry's rules that PyTorch has
            for (String name : UpdateRules.names()) {
                if (UpdateRules.create(name, eta, Map.of()).torchOptimizer("p", "lr") != null) {
                    exportable.add(name);
                }
            }
            throw new ShikumiException("optimizer", Msg.EXPORT_RULE_UNSUPPORTED, rule.name(), String.join(", ", exportable));
        }
        boolean plain = rule instanceof PlainUpdate;
        if (iterations < 0) {
            throw new ShikumiException("iterations", Msg.ITERATIONS_INVALID, iterations);
        }
        long pixels = (long) data.size() * data.pixels();
        if (pixels > MAX_PIXELS) {
            throw new ShikumiException(data.name(), Msg.EXPORT_DATA_TOO_LARGE, String.valueOf(pixels), String.valueOf(data.size()), data.shapeText(),
                    String.valueOf(MAX_PIXELS));
        }
        boolean ja = "ja".equals(locale.getLanguage());
        Map<String, Object> provenance = new LinkedHashMap<>(Provenance.trained(start, data, rule.name(), rule.settings(),
                "iterations", iterations));
        StringBuilder py = new StringBuilder();
        String sizes = start.layout().shapeText();
        line(py, "#!/usr/bin/env python3");
        line(py, c(ja, "# shikumi export-pytorch: the " + sizes + " network of shikumi, trained by PyTorch the book's way.",
                "# shikumi export-pytorch: shikumi の " + sizes + " ネットワークを、本のやり方のまま PyTorch で学習します。"));
        line(py, c(ja, "# Made by shikumi " + Provenance.version() + " from: data " + data.name() + " (" + data.size()
                        + " images of " + data.shapeText() + "), " + (plain ? "" : rule.name() + ", ") + "eta = " + eta
                        + ", " + iterations + " iterations.",
                "# shikumi " + Provenance.version() + " が作成: データ " + data.name() + " (" + data.shapeText() + " の画像 "
                        + data.size() + " 枚)、" + (plain ? "" : rule.name() + "、") + "η = " + eta + "、" + iterations + " 回反復。"));
        line(py, c(ja, "# Run:   python3 run.py [STATE.json]   (prints E per iteration, saves the trained state; default "
                        + DEFAULT_STATE + ")",
                "# 実行:  python3 run.py [STATE.json]   (反復ごとの E を表示し、学習後の状態を保存。既定は " + DEFAULT_STATE + ")"));
        line(py, c(ja, "# Back:  shikumi import-pytorch --state " + DEFAULT_STATE + " --out model.json   (then trace it)",
                "# 戻す:  shikumi import-pytorch --state " + DEFAULT_STATE + " --out model.json   (そして trace で追う)"));
        line(py, "import json");
        line(py, "import sys");
        line(py, "");
        line(py, "import torch");
        line(py, "");
        line(py, "torch.set_default_dtype(torch.float64)  " + c(ja, "# double, like shikumi and the book's spreadsheet",
                "# shikumi と本のスプレッドシートと同じ倍精度"));
        line(py, "");
        line(py, "LABELS = " + json(data.labels()));
        line(py, "HEIGHT, WIDTH = " + data.height() + ", " + data.width());
        line(py, "ETA = " + eta + "  " + (plain ? c(ja, "# learning rate η of p ← p − η·∂E/∂p", "# 学習率 η (p ← p − η·∂E/∂p)")
                : c(ja, "# learning rate η of " + rule.name(), "# " + rule.name() + " の学習率 η")));
        line(py, "ITERATIONS = " + iterations);
        line(py, "OUTPUT = \"" + start.output().id() + "\"  " + c(ja,
                "# sigmoid outputs with E = Σ ½Σ(t − z)² (the book's), or softmax with E = Σ −Σ t·log z",
                "# 出力層: sigmoid と E = Σ ½Σ(t − z)² (本のもの)、または softmax と E = Σ −Σ t·log z"));
        line(py, "");
        boolean binary = data.isBinary();
        line(py, binary
                ? c(ja, "# The data: every image as its label and rows of pixels, # black (1) and . white (0).",
                        "# データ: 各画像のラベルと画素の行。# は黒 (1)、. は白 (0)。")
                : c(ja, "# The data: every image as its label and its pixels row by row (0 white … 1 black).",
                        "# データ: 各画像のラベルと、行ごとに並べた画素 (0 白 … 1 黒)。"));
        line(py, "IMAGES = [");
        for (int n = 0; n < data.size(); n++) {
            py.append("    (").append(json(data.labelOf(n))).append(", ").append(binary ? rows(data, n) : numbers(data.image(n))).append("),\n");
        }
        line(py, "]");
        line(py, "");
        line(py, "");
        line(py, "def pixels(image):");
        line(py, "    return [1.0 if c == \"#\" else 0.0 for row in image for c in row] if isinstance(image[0], str) else image");
        line(py, "");
        line(py, "");
        line(py, "X = torch.tensor([pixels(image) for _, image in IMAGES])  " + c(ja, "# X[n, i] = x_i of image n", "# X[n, i] = 画像 n の x_i"));
        line(py, "T = torch.zeros(len(IMAGES), len(LABELS))  " + c(ja, "# T[n, k] = t_k: 1 for the image's label, else 0",
                "# T[n, k] = t_k: 画像のラベルなら 1、それ以外は 0"));
        line(py, "for n, (label, _) in enumerate(IMAGES):");
        line(py, "    T[n, LABELS.index(label)] = 1.0");
        line(py, "");
        line(py, c(ja, "# The initial parameters, copied from shikumi: w[j][i] is the weight from unit i of the layer below to unit j",
                "# shikumi からそのまま写した初期パラメータ: w[j][i] は下の層のユニット i からユニット j への重み"));
        line(py, c(ja, "# (the book's w_ji), theta[j] the threshold θ_j of unit j.", "# (本の w_ji)、theta[j] はユニット j のしきい値 θ_j。"));
        line(py, "INITIAL = [");
        ParamLayout layout = start.layout();
        for (int l = 0; l < layout.layers(); l++) {
            py.append("    {\"w\": [");
            for (int j = 0; j < layout.units(l); j++) {
                double[] row = new double[layout.fanIn(l)];
                for (int i = 0; i < row.length; i++) {
                    row[i] = start.weight(l, j, i);
                }
                py.append(j == 0 ? "" : ",\n           ").append(numbers(row));
            }
            double[] theta = new double[layout.units(l)];
            for (int j = 0; j < theta.length; j++) {
                theta[j] = start.threshold(l, j);
            }
            py.append("],\n     \"theta\": ").append(numbers(theta)).append("},\n");
        }
        line(py, "]");
        line(py, "PROVENANCE = " + json(provenance) + "  " + c(ja, "# how shikumi describes this run",
                "# shikumi によるこの学習の記録"));
        line(py, "");
        line(py, "");
        line(py, "class BookLayer(torch.nn.Module):");
        line(py, "    " + c(ja, "\"\"\"A layer of the book: s_j = Σ_i w_ji·x_i − θ_j. The threshold is subtracted (nn.Linear adds a bias b = −θ).\"\"\"",
                "\"\"\"本の層: s_j = Σ_i w_ji·x_i − θ_j。しきい値は引きます (nn.Linear ならバイアス b = −θ を足す)。\"\"\""));
        line(py, "");
        line(py, "    def __init__(self, w, theta):");
        line(py, "        super().__init__()");
        line(py, "        self.w = torch.nn.Parameter(torch.tensor(w))");
        line(py, "        self.theta = torch.nn.Parameter(torch.tensor(theta))");
        line(py, "");
        line(py, "    def forward(self, x):");
        line(py, "        return x @ self.w.T - self.theta  " + c(ja, "# s = x·wᵀ − θ, every image at once", "# s = x·wᵀ − θ、全画像を一度に"));
        line(py, "");
        line(py, "");
        line(py, "class Network(torch.nn.Module):");
        line(py, "    def __init__(self, layers):");
        line(py, "        super().__init__()");
        line(py, "        self.layers = torch.nn.ModuleList(BookLayer(layer[\"w\"], layer[\"theta\"]) for layer in layers)");
        line(py, "");
        line(py, "    def forward(self, x):");
        java.util.List<io.github.shikumi.model.Activation> acts = start.activations();
        if (acts.stream().distinct().count() <= 1) {
            io.github.shikumi.model.Activation f = acts.isEmpty() ? io.github.shikumi.model.Activation.SIGMOID : acts.get(0);
            String formula = f == io.github.shikumi.model.Activation.SIGMOID ? "σ(s) = 1 / (1 + e^−s)" : f.formula();
            line(py, "        for layer in self.layers[:-1]:");
            line(py, "            x = " + f.torchExpression("layer(x)") + "  # z = " + formula);
        } else {
            for (int l = 0; l < acts.size(); l++) { // one activation per hidden layer
                line(py, "        x = " + acts.get(l).torchExpression("self.layers[" + l + "](x)") + "  # z = "
                        + acts.get(l).formula());
            }
        }
        line(py, "        s = self.layers[-1](x)");
        line(py, "        return torch.sigmoid(s) if OUTPUT == \"sigmoid\" else torch.softmax(s, dim=1)");
        line(py, "");
        line(py, "");
        line(py, "def error(z):");
        line(py, "    if OUTPUT == \"sigmoid\":");
        line(py, "        return 0.5 * ((T - z) ** 2).sum()  " + c(ja, "# E = Σ_images ½Σ_k (t_k − z_k)²: a sum, not a mean",
                "# E = Σ_画像 ½Σ_k (t_k − z_k)²: 平均ではなく和"));
        line(py, "    return -(T * torch.log(z)).sum()  " + c(ja, "# E = Σ_images −Σ_k t_k·log z_k", "# E = Σ_画像 −Σ_k t_k·log z_k"));
        line(py, "");
        line(py, "");
        line(py, "net = Network(INITIAL)");
        line(py, "optimizer = " + optimizer + "  " + (plain ? c(ja,
                "# p ← p − η·∂E/∂p on all images at once (no mini-batches, no momentum)",
                "# p ← p − η·∂E/∂p、全画像を一度に (ミニバッチもモーメンタムもなし)")
                : c(ja, "# shikumi's " + rule.name() + " " + rule.settings() + " on ∂E of all images at once",
                        "# shikumi の " + rule.name() + " " + rule.settings() + "、全画像の ∂E で")));
        line(py, "history = []");
        line(py, "print(\"# iteration E\")");
        line(py, "for k in range(ITERATIONS + 1):");
        line(py, "    optimizer.zero_grad()");
        line(py, "    E = error(net(X))");
        line(py, "    history.append(E.item())");
        line(py, "    print(k, repr(E.item()))");
        line(py, "    if k == ITERATIONS:");
        line(py, "        break  " + c(ja, "# the last iteration is evaluated, not stepped from: N iterations give N + 1 values of E",
                "# 最後の反復は評価だけで更新しない: N 回の反復で E は N + 1 個"));
        line(py, "    E.backward()  " + c(ja, "# ∂E/∂p of every parameter, by backpropagation", "# 誤差逆伝播法ですべてのパラメータの ∂E/∂p"));
        line(py, "    optimizer.step()");
        line(py, "");
        line(py, "with torch.no_grad():");
        line(py, "    correct = (net(X).argmax(dim=1) == T.argmax(dim=1)).sum().item()");
        line(py, "print(\"# accuracy\", correct, \"/\", len(IMAGES))");
        line(py, "");
        line(py, c(ja, "# The trained state, for shikumi import-pytorch: every tensor as nested lists of exact doubles.",
                "# shikumi import-pytorch 用の学習後の状態: どのテンソルも正確な倍精度の入れ子のリストで。"));
        line(py, "state = {");
        line(py, "    \"format\": \"" + PyTorchState.FORMAT + "\",");
        line(py, "    \"labels\": LABELS,");
        line(py, "    \"inputShape\": [HEIGHT, WIDTH],");
        line(py, "    \"output\": OUTPUT,");
        line(py, "    \"activation\": " + json(activationIds(start)) + ",");
        line(py, "    \"provenance\": dict(PROVENANCE, trainer=\"pytorch \" + torch.__version__),");
        line(py, "    \"E\": history,");
        line(py, "    \"state_dict\": {name: value.tolist() for name, value in net.state_dict().items()},");
        line(py, "}");
        line(py, "path = sys.argv[1] if len(sys.argv) > 1 else \"" + DEFAULT_STATE + "\"");
        line(py, "with open(path, \"w\") as f:");
        line(py, "    json.dump(state, f)");
        line(py, "print(\"# state\", path)");
        return py.toString();
    }

    /**
     * Writes the script, completely or not at all (an existing file is replaced).
     *
     * @param path       the file; its folder must exist
     * @param start      the initial network
     * @param data       the training images
     * @param eta        η
     * @param iterations the iterations
     * @param locale     the language of the comments
     * @throws ShikumiException when {@code path} is a folder or cannot be written, or the arguments are invalid
     */
    public static void write(Path path, Network start, Dataset data, double eta, int iterations, Locale locale) {
        if (Files.isDirectory(path)) {
            throw new ShikumiException(path.toString(), Msg.FILE_IS_DIRECTORY);
        }
        AtomicFiles.write(path, script(start, data, eta, iterations, locale));
    }

    private static String c(boolean ja, String en, String jaText) {
        return ja ? jaText : en;
    }

    private static void line(StringBuilder b, String s) {
        b.append(s).append('\n');
    }

    private static String rows(Dataset data, int n) {
        StringBuilder b = new StringBuilder("[");
        for (int r = 0; r < data.height(); r++) {
            b.append(r == 0 ? "\"" : ", \"");
            for (int c = 0; c < data.width(); c++) {
                b.append(data.pixel(n, r * data.width() + c) == 1 ? '#' : '.');
            }
            b.append('"');
        }
        return b.append(']').toString();
    }

    /** Doubles as Python literals that parse back to the same bits ({@link Double#toString} round-trips). */
    private static String numbers(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(v[i]);
        }
        return b.append(']').toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.List<String> activationIds(Network net) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (io.github.shikumi.model.Activation a : net.activations()) {
            ids.add(a.id());
        }
        return ids;
    }
}
