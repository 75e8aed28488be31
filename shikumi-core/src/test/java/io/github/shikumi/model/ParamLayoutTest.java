package io.github.shikumi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.shikumi.Fixtures;
import io.github.shikumi.format.ModelJson;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParamLayoutTest {
    private final ParamLayout book = new ParamLayout(20, 3, 4);

    @Test
    void the_books_20_3_4_network_has_79_parameters() {
        // hidden: 3·20 weights + 3 thresholds = 63; output: 4·3 weights + 4 thresholds = 16; 63 + 16 = 79
        assertThat(book.count()).isEqualTo(79);
        assertThat(book.layers()).isEqualTo(2);
        assertThat(book.inputs()).isEqualTo(20);
        assertThat(book.outputs()).isEqualTo(4);
        assertThat(book.shapeText()).isEqualTo("20-3-4");
        // 12-3-2: 36 + 3 + 6 + 2 = 47; 20-5-4-4: 100 + 5 + 20 + 4 + 16 + 4 = 149
        assertThat(new ParamLayout(12, 3, 2).count()).isEqualTo(47);
        assertThat(new ParamLayout(20, 5, 4, 4).count()).isEqualTo(149);
    }

    @Test
    void a_network_with_more_parameters_than_an_array_holds_is_refused_not_wrapped_around() {
        // 20·100000 + 100000 + 100000·100000 + … is past 2^31: an int sum would wrap to 1,412,165,412
        assertThatThrownBy(() -> new ParamLayout(20, 100_000, 100_000, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more parameters than one Java array holds");
        // just under the limit it still counts exactly: 46339² + 46339 + 46339·1 + 1 = 2,147,395,600
        assertThat(new ParamLayout(46_339, 46_339, 1).count()).isEqualTo(46_339 * 46_339 + 46_339 + 46_339 + 1);
    }

    @Test
    void parameters_run_layer_by_layer_weights_row_major_then_thresholds() {
        // wH_ji at (j−1)·20 + (i−1), θH_j at 60 + (j−1), wO_kj at 63 + (k−1)·3 + (j−1), θO_k at 75 + (k−1)
        assertThat(book.weight(0, 0, 0)).isEqualTo(0);
        assertThat(book.weight(0, 0, 19)).isEqualTo(19);
        assertThat(book.weight(0, 1, 0)).isEqualTo(20);
        assertThat(book.weight(0, 2, 19)).isEqualTo(59);
        assertThat(book.threshold(0, 0)).isEqualTo(60);
        assertThat(book.threshold(0, 2)).isEqualTo(62);
        assertThat(book.weight(1, 0, 0)).isEqualTo(63);
        assertThat(book.weight(1, 1, 2)).isEqualTo(68);
        assertThat(book.weight(1, 3, 2)).isEqualTo(74);
        assertThat(book.threshold(1, 0)).isEqualTo(75);
        assertThat(book.threshold(1, 3)).isEqualTo(78);
        assertThat(book.weightOffset(1)).isEqualTo(63);
        assertThat(book.thresholdOffset(1)).isEqualTo(75);
    }

    @Test
    void every_parameter_has_exactly_one_place() {
        ParamLayout deep = new ParamLayout(6, 4, 3, 5, 2);
        Set<Integer> seen = new HashSet<>();
        for (int l = 0; l < deep.layers(); l++) {
            for (int j = 0; j < deep.units(l); j++) {
                for (int i = 0; i < deep.fanIn(l); i++) {
                    assertThat(seen.add(deep.weight(l, j, i))).isTrue();
                }
                assertThat(seen.add(deep.threshold(l, j))).isTrue();
            }
        }
        assertThat(seen).hasSize(deep.count());
        assertThat(seen).allMatch(p -> p >= 0 && p < deep.count());
    }

    /** locate is the inverse of weight and threshold, on every parameter of a deep layout, and nothing else. */
    @Test
    void locate_finds_every_weight_and_threshold_where_weight_and_threshold_put_it() {
        ParamLayout lay = new ParamLayout(7, 5, 4, 3);
        int seen = 0;
        for (int l = 0; l < lay.layers(); l++) {
            for (int j = 0; j < lay.units(l); j++) {
                for (int i = 0; i < lay.fanIn(l); i++) {
                    assertThat(lay.locate(lay.weight(l, j, i))).isEqualTo(new ParamLayout.Position(l, j, i));
                    seen++;
                }
                ParamLayout.Position t = lay.locate(lay.threshold(l, j));
                assertThat(t).isEqualTo(new ParamLayout.Position(l, j, -1));
                assertThat(t.isThreshold()).isTrue();
                seen++;
            }
        }
        assertThat(seen).isEqualTo(lay.count());
        assertThatThrownBy(() -> lay.locate(lay.count())).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> lay.locate(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void parameter_names_are_the_books_one_based_names() {
        assertThat(book.name(0)).isEqualTo("wH[1][1]");
        assertThat(book.name(19)).isEqualTo("wH[1][20]");
        assertThat(book.name(20)).isEqualTo("wH[2][1]");
        assertThat(book.name(36)).isEqualTo("wH[2][17]");
        assertThat(book.name(60)).isEqualTo("θH[1]");
        assertThat(book.name(62)).isEqualTo("θH[3]");
        assertThat(book.name(63)).isEqualTo("wO[1][1]");
        assertThat(book.name(74)).isEqualTo("wO[4][3]");
        assertThat(book.name(75)).isEqualTo("θO[1]");
        assertThat(book.name(78)).isEqualTo("θO[4]");
        assertThat(book.layerName(0)).isEqualTo("H");
        assertThat(book.layerName(1)).isEqualTo("O");

        ParamLayout deep = new ParamLayout(20, 5, 4, 4);
        assertThat(deep.layerName(0)).isEqualTo("H1");
        assertThat(deep.layerName(1)).isEqualTo("H2");
        assertThat(deep.layerName(2)).isEqualTo("O");
        assertThat(deep.name(deep.weight(1, 3, 4))).isEqualTo("wH2[4][5]");
        assertThat(deep.name(deep.threshold(2, 0))).isEqualTo("θO[1]");
    }

    @Test
    void network_weight_and_threshold_read_the_layout_positions() {
        ParamLayout deep = new ParamLayout(6, 4, 3, 2);
        Network net = numbered(deep);
        for (int l = 0; l < deep.layers(); l++) {
            for (int j = 0; j < deep.units(l); j++) {
                for (int i = 0; i < deep.fanIn(l); i++) {
                    assertThat(net.weight(l, j, i)).isEqualTo(deep.weight(l, j, i));
                }
                assertThat(net.threshold(l, j)).isEqualTo(deep.threshold(l, j));
            }
        }
    }

    @Test
    void model_json_layer_arrays_hold_the_layout_positions() {
        ParamLayout deep = new ParamLayout(6, 4, 3, 2);
        JsonNode root = ModelJson.tree("numbered.json", ModelJson.write(numbered(deep)));
        JsonNode layers = root.get("layers");
        assertThat(layers.size()).isEqualTo(3);
        for (int l = 0; l < deep.layers(); l++) {
            JsonNode w = layers.get(l).get("weights");
            JsonNode t = layers.get(l).get("thresholds");
            assertThat(w.size()).isEqualTo(deep.units(l));
            assertThat(t.size()).isEqualTo(deep.units(l));
            for (int j = 0; j < deep.units(l); j++) {
                assertThat(w.get(j).size()).isEqualTo(deep.fanIn(l));
                for (int i = 0; i < deep.fanIn(l); i++) {
                    // layers[l].weights[j][i] is w_ji
                    assertThat(w.get(j).get(i).doubleValue()).isEqualTo(deep.weight(l, j, i));
                }
                assertThat(t.get(j).doubleValue()).isEqualTo(deep.threshold(l, j));
            }
        }
    }

    @Test
    void trace_gradient_uses_the_layout_order() {
        Network net = Fixtures.tinyNetwork();
        Trace tr = Trace.of(net, new double[] {1, 1}, 1);
        double[] g = tr.gradient();
        ParamLayout lay = net.layout();
        assertThat(g[lay.weight(1, 1, 0)]).isEqualTo(tr.gradWeight(1, 1, 0));
        assertThat(g[lay.threshold(0, 1)]).isEqualTo(tr.gradThreshold(0, 1));
    }

    /** A network whose parameter p has the value p. */
    private static Network numbered(ParamLayout layout) {
        double[] p = new double[layout.count()];
        for (int k = 0; k < p.length; k++) {
            p[k] = k;
        }
        return new Network(layout, List.of("a", "b"), 2, 3, p);
    }
}
