package io.github.shikumi.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.shikumi.export.onnx.OnnxProto.AttributeProto;
import io.github.shikumi.export.onnx.OnnxProto.GraphProto;
import io.github.shikumi.export.onnx.OnnxProto.ModelProto;
import io.github.shikumi.export.onnx.OnnxProto.NodeProto;
import io.github.shikumi.export.onnx.OnnxProto.OperatorSetIdProto;
import io.github.shikumi.export.onnx.OnnxProto.StringStringEntryProto;
import io.github.shikumi.export.onnx.OnnxProto.TensorProto;
import io.github.shikumi.export.onnx.OnnxProto.TensorShapeProto;
import io.github.shikumi.export.onnx.OnnxProto.TypeProto;
import io.github.shikumi.export.onnx.OnnxProto.ValueInfoProto;
import io.github.shikumi.format.AtomicFiles;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.model.Provenance;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A network as an ONNX model, in standard operators only: for every weight layer l, {@code Gemm} (with
 * {@code transB = 1}: the weights are stored as the book's w_ji, one row per unit j) then the layer's activation ({@code Sigmoid}, {@code Tanh}, {@code Relu}, {@code Identity}); a
 * softmax network ends with {@code Softmax} instead. ONNX's Gemm adds a bias, {@code Y = X·Wᵀ + b}, where the
 * book subtracts a threshold, {@code s_j = Σ_i w_ji·x_i − θ_j}: so {@code b_j = −θ_j}.
 *
 * <p>The input is {@value #INPUT}, float {@code [N, height·width]} (the pixels row by row, N images); the output
 * {@value #OUTPUT}, float {@code [N, labels]}. The labels, the image shape and how the model was made are in the
 * model's metadata ({@code labels} as a JSON array, {@code inputShape} as {@code [height, width]},
 * {@code provenance} as JSON, {@code conventions}). Opset {@value #OPSET}, IR version {@value #IR_VERSION}.
 */
public final class OnnxExport {
    /** The graph's input: float [N, pixels]. */
    public static final String INPUT = "image";
    /** The graph's output: float [N, labels]. */
    public static final String OUTPUT = "scores";
    /** The ONNX operator set the graph uses (Gemm, Sigmoid and Softmax as defined there). */
    public static final int OPSET = 13;
    /** The ONNX IR version of the file (ONNX 1.8 and later, ONNX Runtime 1.6 and later read it). */
    public static final int IR_VERSION = 7;

    private static final ObjectMapper JSON = new ObjectMapper();

    private OnnxExport() {
    }

    /**
     * The ONNX model of a network.
     *
     * @param net the network (any activation per hidden layer; a sigmoid or softmax output layer)
     * @return the model message
     */
    public static ModelProto model(Network net) {
        ParamLayout layout = net.layout();
        GraphProto.Builder g = GraphProto.newBuilder().setName("shikumi")
                .setDocString("shikumi network " + layout.shapeText() + ": s = W·x − θ as Gemm(x, W, b = −θ, transB = 1), z = σ(s)");
        g.addInput(tensor(INPUT, layout.inputs()));
        String x = INPUT;
        for (int l = 0; l < layout.layers(); l++) {
            int nin = layout.fanIn(l);
            int nout = layout.units(l);
            float[] w = new float[nout * nin];
            float[] b = new float[nout];
            for (int j = 0; j < nout; j++) {
                for (int i = 0; i < nin; i++) {
                    w[j * nin + i] = (float) net.weight(l, j, i); // W[j][i] = w_ji
                }
                b[j] = (float) -net.threshold(l, j); // b_j = −θ_j: Gemm adds, the book subtracts
            }
            String wName = "W" + (l + 1);
            String bName = "b" + (l + 1);
            g.addInitializer(initializer(wName, w, nout, nin));
            g.addInitializer(initializer(bName, b, nout));
            String s = "s" + (l + 1);
            g.addNode(NodeProto.newBuilder().setOpType("Gemm").setName("gemm" + (l + 1))
                    .addInput(x).addInput(wName).addInput(bName).addOutput(s)
                    .addAttribute(AttributeProto.newBuilder().setName("transB").setType(AttributeProto.AttributeType.INT).setI(1)));
            boolean last = l == layout.layers() - 1;
            String z = last ? OUTPUT : "z" + (l + 1);
            if (last && net.output() == Output.SOFTMAX) {
                g.addNode(NodeProto.newBuilder().setOpType("Softmax").setName("softmax").addInput(s).addOutput(z)
                        .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(-1)));
            } else if (last && net.output() != Output.SIGMOID) {
                throw new ShikumiException("output", Msg.MODEL_OUTPUT, net.output().id(), Output.SIGMOID.id() + ", " + Output.SOFTMAX.id());
            } else {
                // z = f(s): the layer's activation (the book's σ; the sigmoid output layer's σ)
                String op = net.unitFunction(l).onnxOperator();
                g.addNode(NodeProto.newBuilder().setOpType(op).setName(op.toLowerCase(java.util.Locale.ROOT) + (l + 1))
                        .addInput(s).addOutput(z));
            }
            x = z;
        }
        g.addOutput(tensor(OUTPUT, layout.outputs()));
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("shikumi")
                .setProducerVersion(Provenance.version())
                .setModelVersion(1)
                .setDocString("A network of shikumi (the book's conventions: s_j = Σ w_ji·x_i − θ_j, here b_j = −θ_j)")
                .setGraph(g)
                .addMetadataProps(meta("labels", json(net.labels())))
                .addMetadataProps(meta("inputShape", json(new int[] {net.height(), net.width()})))
                .addMetadataProps(meta("output", net.output().id()))
                .addMetadataProps(meta("conventions", "input: pixels row by row (0 white, 1 black); "
                        + "Gemm bias b = -theta (shikumi subtracts the threshold theta: s = W x - theta)"))
                .addMetadataProps(meta("provenance", json(net.provenance())))
                .build();
    }

    /**
     * The ONNX file's bytes.
     *
     * @param net the network
     * @return the serialised model
     */
    public static byte[] bytes(Network net) {
        return model(net).toByteArray();
    }

    /**
     * Writes the ONNX file, completely or not at all (an existing file is replaced).
     *
     * @param net  the network
     * @param path the file; its folder must exist
     * @throws ShikumiException when {@code path} is a folder, its folder is missing, or it cannot be written
     */
    public static void write(Network net, Path path) {
        if (Files.isDirectory(path)) {
            throw new ShikumiException(path.toString(), Msg.FILE_IS_DIRECTORY);
        }
        AtomicFiles.write(path, bytes(net));
    }

    private static ValueInfoProto tensor(String name, int width) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width))
                .build();
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape)))
                .build();
    }

    private static TensorProto initializer(String name, float[] values, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long d : dims) {
            t.addDims(d);
        }
        for (float v : values) {
            t.addFloatData(v);
        }
        return t.build();
    }

    private static StringStringEntryProto meta(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
