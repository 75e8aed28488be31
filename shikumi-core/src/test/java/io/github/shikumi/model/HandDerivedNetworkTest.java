package io.github.shikumi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.shikumi.engine.Backprop;
import io.github.shikumi.Fixtures;
import io.github.shikumi.data.Dataset;
import org.junit.jupiter.api.Test;

/**
 * A 2-2-2 network whose every number is derived by hand below, in the book's conventions:
 * <pre>
 *   s_j = Σ_i w_ji·x_i − θ_j,  z_j = σ(s_j) = 1/(1 + e^(−s_j))
 *   e = ½ Σ_k (t_k − z_k)²,  E = e(image 1) + e(image 2)
 *   δO_k = −(t_k − z_k)·z_k(1 − z_k),  δH_j = (Σ_k δO_k·wO_kj)·h_j(1 − h_j)
 *   ∂e/∂w_ji = δ_j·(input i),  ∂e/∂θ_j = −δ_j
 * </pre>
 * Parameters (Fixtures.tinyNetwork()): wH = [[0.5, −0.25], [−0.5, 0.75]], θH = [0.25, −0.5],
 * wO = [[1.0, −0.75], [−0.5, 0.25]], θO = [0.5, −0.25]. Images (Fixtures.tinyData()):
 * image 1 x = (1, 0) label A (t = (1, 0)); image 2 x = (1, 1) label B (t = (0, 1)).
 *
 * <p>The exponentials, and the products of the 17-digit numbers, were evaluated with python3's decimal
 * module at 40 digits and rounded to 17 significant digits; the script that does each step below is
 * committed as src/test/reference/hand_derived_2_2_2.py (it uses no shikumi code), and PyTorch's autograd
 * (float64) agrees with E and ∂E to 1e-16. The asserted tolerance is 1e-12.
 */
class HandDerivedNetworkTest {
    private static final double TOL = 1e-12;

    private final Network net = Fixtures.tinyNetwork();
    private final Dataset data = Fixtures.tinyData();

    // ---- image 1: x = (1, 0), t = (1, 0) ----
    // sH1 = 0.5·1 + (−0.25)·0 − 0.25 = 0.25
    // sH2 = (−0.5)·1 + 0.75·0 − (−0.5) = 0
    // h1 = σ(0.25) = 1/(1 + e^−0.25), e^−0.25 = 0.77880078307140487 → h1 = 1/1.77880078307140487 = 0.56217650088579810
    // h2 = σ(0) = 1/(1 + 1) = 0.5
    // sO1 = 1.0·h1 + (−0.75)·h2 − 0.5 = 0.56217650088579810 − 0.375 − 0.5 = −0.31282349911420190
    // sO2 = (−0.5)·h1 + 0.25·h2 − (−0.25) = −0.28108825044289905 + 0.125 + 0.25 = 0.093911749557100948
    // z1 = σ(sO1): e^0.31282349911420190 = 1.3672801835656779 → z1 = 1/2.3672801835656779 = 0.42242570479923759
    // z2 = σ(sO2): e^−0.093911749557100948 = 0.91036309864250744 → z2 = 1/1.91036309864250744 = 0.52346069745096835
    // e = ½[(1 − z1)² + (0 − z2)²] = ½[0.57757429520076241² + 0.52346069745096835²]
    //   = ½[0.33359206647665744 + 0.27401110177585423] = 0.30380158412625584
    // δO1 = −(1 − z1)·z1(1 − z1) = −0.57757429520076241 · 0.24398222872410497 = −0.14091786379683614
    // δO2 = −(0 − z2)·z2(1 − z2) = 0.52346069745096835 · 0.24944959567511413 = 0.13057705933095730
    // Σ_k δO_k·wO_k1 = δO1·1.0 + δO2·(−0.5) = −0.14091786379683614 − 0.06528852966547865 = −0.20620639346231479
    // Σ_k δO_k·wO_k2 = δO1·(−0.75) + δO2·0.25 = 0.10568839784762711 + 0.03264426483273933 = 0.13833266268036643
    // δH1 = −0.20620639346231479 · h1(1 − h1) = −0.20620639346231479 · 0.24613408273759835 = −0.050754421509475147
    // δH2 = 0.13833266268036643 · h2(1 − h2) = 0.13833266268036643 · 0.25 = 0.034583165670091607
    // ∂e/∂wH_ji = δH_j·x_i: wH11 = δH1·1, wH12 = δH1·0 = 0, wH21 = δH2·1, wH22 = 0; ∂e/∂θH_j = −δH_j
    // ∂e/∂wO_kj = δO_k·h_j: wO11 = −0.14091786379683614·0.56217650088579810 = −0.079220711581606828
    //   wO12 = δO1·0.5 = −0.070458931898418069, wO21 = 0.13057705933095730·0.56217650088579810 = 0.073407354310634828
    //   wO22 = δO2·0.5 = 0.065288529665478650; ∂e/∂θO_k = −δO_k
    private static final double I1_H1 = 0.56217650088579810;
    private static final double I1_SO1 = -0.31282349911420190;
    private static final double I1_SO2 = 0.093911749557100948;
    private static final double I1_Z1 = 0.42242570479923759;
    private static final double I1_Z2 = 0.52346069745096835;
    private static final double I1_E = 0.30380158412625584;
    private static final double I1_DO1 = -0.14091786379683614;
    private static final double I1_DO2 = 0.13057705933095730;
    private static final double I1_BACK1 = -0.20620639346231479;
    private static final double I1_BACK2 = 0.13833266268036643;
    private static final double I1_DH1 = -0.050754421509475147;
    private static final double I1_DH2 = 0.034583165670091607;
    /** ∂e of image 1 in layout order: wH11 wH12 wH21 wH22 θH1 θH2 wO11 wO12 wO21 wO22 θO1 θO2. */
    private static final double[] I1_GRAD = {
        -0.050754421509475147, 0, 0.034583165670091607, 0,
        0.050754421509475147, -0.034583165670091607,
        -0.079220711581606828, -0.070458931898418069, 0.073407354310634828, 0.065288529665478650,
        0.14091786379683614, -0.13057705933095730,
    };

    // ---- image 2: x = (1, 1), t = (0, 1) ----
    // sH1 = 0.5·1 + (−0.25)·1 − 0.25 = 0          → h1 = σ(0) = 0.5
    // sH2 = (−0.5)·1 + 0.75·1 − (−0.5) = 0.75
    // h2 = σ(0.75): e^−0.75 = 0.47236655274101471 → h2 = 1/1.47236655274101471 = 0.67917869917539297
    // sO1 = 1.0·0.5 + (−0.75)·h2 − 0.5 = −0.50938402438154473
    // sO2 = (−0.5)·0.5 + 0.25·h2 − (−0.25) = 0.16979467479384824
    // z1 = σ(sO1): e^0.50938402438154473 = 1.6642657320346708 → z1 = 1/2.6642657320346708 = 0.37533793569319036
    // z2 = σ(sO2): e^−0.16979467479384824 = 0.84383806003378793 → z2 = 1/1.84383806003378793 = 0.54234697811893265
    // e = ½[(0 − z1)² + (1 − z2)²] = ½[0.14087856597042550 + 0.20944628843687271] = 0.17516242720364911
    // δO1 = −(0 − z1)·z1(1 − z1) = 0.37533793569319036 · 0.23445936972276486 = 0.088001495835669058
    // δO2 = −(1 − z2)·z2(1 − z2) = −0.45765302188106735 · 0.24820673344419464 = −0.11359256161196426
    // Σ_k δO_k·wO_k1 = δO1·1.0 + δO2·(−0.5) = 0.088001495835669058 + 0.05679628080598213 = 0.14479777664165119
    // Σ_k δO_k·wO_k2 = δO1·(−0.75) + δO2·0.25 = −0.066001121876751794 − 0.028398140402991065 = −0.094399262279742859
    // δH1 = 0.14479777664165119 · h1(1 − h1) = 0.14479777664165119 · 0.25 = 0.036199444160412797
    // δH2 = −0.094399262279742859 · h2(1 − h2) = −0.094399262279742859 · 0.21789499376181403 = −0.020569126665564417
    // ∂e/∂wH_ji = δH_j·x_i with x = (1, 1): wH11 = wH12 = δH1, wH21 = wH22 = δH2; ∂e/∂θH_j = −δH_j
    // ∂e/∂wO_kj = δO_k·h_j: wO11 = δO1·0.5 = 0.044000747917834529, wO12 = δO1·h2 = 0.059768741467158472,
    //   wO21 = δO2·0.5 = −0.056796280805982131, wO22 = δO2·h2 = −0.077149648231614567; ∂e/∂θO_k = −δO_k
    private static final double I2_H2 = 0.67917869917539297;
    private static final double I2_Z1 = 0.37533793569319036;
    private static final double I2_Z2 = 0.54234697811893265;
    private static final double I2_E = 0.17516242720364911;
    private static final double I2_DO1 = 0.088001495835669058;
    private static final double I2_DO2 = -0.11359256161196426;
    private static final double I2_DH1 = 0.036199444160412797;
    private static final double I2_DH2 = -0.020569126665564417;
    private static final double[] I2_GRAD = {
        0.036199444160412797, 0.036199444160412797, -0.020569126665564417, -0.020569126665564417,
        -0.036199444160412797, 0.020569126665564417,
        0.044000747917834529, 0.059768741467158472, -0.056796280805982131, -0.077149648231614567,
        -0.088001495835669058, 0.11359256161196426,
    };

    // ---- both images ----
    // E = 0.30380158412625584 + 0.17516242720364911 = 0.47896401132990494
    // ∂E = ∂e(image 1) + ∂e(image 2), component by component, e.g.
    //   ∂E/∂wH11 = −0.050754421509475147 + 0.036199444160412797 = −0.014554977349062350
    //   ∂E/∂θO1 = 0.14091786379683614 − 0.088001495835669058 = 0.052916367961167081
    private static final double E = 0.47896401132990494;
    private static final double[] GRAD = {
        -0.014554977349062350, 0.036199444160412797, 0.014014039004527191, -0.020569126665564417,
        0.014554977349062350, -0.014014039004527191,
        -0.035219963663772299, -0.010690190431259597, 0.016611073504652697, -0.011861118566135917,
        0.052916367961167081, -0.016984497718993038,
    };

    @Test
    void trace_of_image_1_matches_the_hand_derivation() {
        Trace tr = Trace.of(net, data.image(0), data.target(0));

        assertThat(tr.inputs()).containsExactly(1.0, 0.0);
        assertThat(tr.targets()).containsExactly(1.0, 0.0);
        assertThat(tr.s(0, 0)).isCloseTo(0.25, within(TOL));
        assertThat(tr.s(0, 1)).isCloseTo(0.0, within(TOL));
        assertThat(tr.z(0, 0)).isCloseTo(I1_H1, within(TOL));
        assertThat(tr.z(0, 1)).isCloseTo(0.5, within(TOL));
        assertThat(tr.s(1, 0)).isCloseTo(I1_SO1, within(TOL));
        assertThat(tr.s(1, 1)).isCloseTo(I1_SO2, within(TOL));
        assertThat(tr.z(1, 0)).isCloseTo(I1_Z1, within(TOL));
        assertThat(tr.z(1, 1)).isCloseTo(I1_Z2, within(TOL));
        assertThat(tr.outputs()).containsExactly(new double[] {I1_Z1, I1_Z2}, within(TOL));
        assertThat(tr.e()).isCloseTo(I1_E, within(TOL));
        assertThat(tr.delta(1, 0)).isCloseTo(I1_DO1, within(TOL));
        assertThat(tr.delta(1, 1)).isCloseTo(I1_DO2, within(TOL));
        assertThat(tr.backSum(0, 0)).isCloseTo(I1_BACK1, within(TOL));
        assertThat(tr.backSum(0, 1)).isCloseTo(I1_BACK2, within(TOL));
        assertThat(tr.delta(0, 0)).isCloseTo(I1_DH1, within(TOL));
        assertThat(tr.delta(0, 1)).isCloseTo(I1_DH2, within(TOL));
        assertThat(tr.input(1, 0)).isCloseTo(I1_H1, within(TOL));
        assertThat(tr.gradient()).containsExactly(I1_GRAD, within(TOL));
    }

    @Test
    void trace_gradient_terms_are_delta_times_input_and_minus_delta() {
        Trace tr = Trace.of(net, data.image(0), data.target(0));
        // ∂e/∂wO12 = δO1·h2 = −0.14091786379683614 · 0.5; ∂e/∂wH12 = δH1·x2 = δH1·0 = 0
        assertThat(tr.gradWeight(1, 0, 1)).isCloseTo(I1_DO1 * 0.5, within(TOL));
        assertThat(tr.gradWeight(0, 0, 1)).isCloseTo(0.0, within(TOL));
        assertThat(tr.gradWeight(0, 1, 0)).isCloseTo(I1_DH2, within(TOL));
        // ∂e/∂θ_j = −δ_j, because θ is subtracted in s_j
        assertThat(tr.gradThreshold(0, 0)).isCloseTo(-I1_DH1, within(TOL));
        assertThat(tr.gradThreshold(1, 1)).isCloseTo(-I1_DO2, within(TOL));
    }

    @Test
    void trace_of_image_2_matches_the_hand_derivation() {
        Trace tr = Trace.of(net, data.image(1), data.target(1));

        assertThat(tr.targets()).containsExactly(0.0, 1.0);
        assertThat(tr.s(0, 0)).isCloseTo(0.0, within(TOL));
        assertThat(tr.s(0, 1)).isCloseTo(0.75, within(TOL));
        assertThat(tr.z(0, 0)).isCloseTo(0.5, within(TOL));
        assertThat(tr.z(0, 1)).isCloseTo(I2_H2, within(TOL));
        assertThat(tr.s(1, 0)).isCloseTo(-0.50938402438154473, within(TOL));
        assertThat(tr.s(1, 1)).isCloseTo(0.16979467479384824, within(TOL));
        assertThat(tr.z(1, 0)).isCloseTo(I2_Z1, within(TOL));
        assertThat(tr.z(1, 1)).isCloseTo(I2_Z2, within(TOL));
        assertThat(tr.e()).isCloseTo(I2_E, within(TOL));
        assertThat(tr.delta(1, 0)).isCloseTo(I2_DO1, within(TOL));
        assertThat(tr.delta(1, 1)).isCloseTo(I2_DO2, within(TOL));
        assertThat(tr.backSum(0, 0)).isCloseTo(0.14479777664165119, within(TOL));
        assertThat(tr.backSum(0, 1)).isCloseTo(-0.094399262279742859, within(TOL));
        assertThat(tr.delta(0, 0)).isCloseTo(I2_DH1, within(TOL));
        assertThat(tr.delta(0, 1)).isCloseTo(I2_DH2, within(TOL));
        assertThat(tr.gradient()).containsExactly(I2_GRAD, within(TOL));
    }

    @Test
    void forward_pass_outputs_match_the_hand_derivation() {
        assertThat(net.outputs(new double[] {1, 0})).containsExactly(new double[] {I1_Z1, I1_Z2}, within(TOL));
        assertThat(net.outputs(new double[] {1, 1})).containsExactly(new double[] {I2_Z1, I2_Z2}, within(TOL));
    }

    @Test
    void backprop_error_and_gradient_match_the_hand_derivation() {
        Backprop bp = new Backprop(net.layout(), data);
        double[] grad = new double[net.layout().count()];

        double e = bp.gradient(net.params(), grad);

        assertThat(e).isCloseTo(E, within(TOL));
        assertThat(grad).containsExactly(GRAD, within(TOL));
        assertThat(bp.value(net.params())).isCloseTo(E, within(TOL));
    }

    @Test
    void backprop_counts_the_images_whose_largest_output_is_their_label() {
        // image 1: z = (0.422, 0.523) → predicts B, label A: wrong
        // image 2: z = (0.375, 0.542) → predicts B, label B: right
        Backprop bp = new Backprop(net.layout(), data);
        bp.value(net.params());
        assertThat(bp.correct()).isEqualTo(1);
    }

    @Test
    void the_hand_sums_of_the_two_images_are_consistent() {
        // guards the literals above against a slip of the pen: E and ∂E are the sums of the per-image values
        assertThat(I1_E + I2_E).isCloseTo(E, within(1e-16));
        for (int p = 0; p < GRAD.length; p++) {
            assertThat(I1_GRAD[p] + I2_GRAD[p]).as("component %d", p).isCloseTo(GRAD[p], within(1e-16));
        }
    }
}
