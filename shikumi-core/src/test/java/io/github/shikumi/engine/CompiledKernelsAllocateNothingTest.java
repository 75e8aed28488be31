package io.github.shikumi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.model.Network;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Once the JIT has compiled them, the Vector API double kernels keep every vector in registers: the book's
 * gradient allocates nothing. A kernel whose vector operations the JIT leaves as calls boxes every vector (that
 * happened on a 512-bit JVM: 70 MB per 500 iterations, 4.5 times slower than the plain kernels) and never gets
 * here. Not a timing: bytes allocated by this thread (HotSpot's per-thread count), with a deadline for the JIT.
 */
class CompiledKernelsAllocateNothingTest {
    @Test
    void the_book_gradient_on_the_vector_kernels_allocates_nothing_once_compiled() {
        assumeTrue(DoubleKernels.best() != DoubleKernels.plain(), "the JVM has no Vector API");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
        Dataset data = Datasets.bundled("aple");
        Network start = Network.initial(data, 1, 3);
        Backprop bp = new Backprop(start.layout(), data, DoubleKernels.best());
        double[] p = start.params();
        double[] g = new double[p.length];
        long thread = Thread.currentThread().getId();
        long deadline = System.nanoTime() + 60_000_000_000L;
        long bytes = -1;
        int rounds = 0;
        while (bytes != 0 && System.nanoTime() < deadline) {
            long before = mx.getThreadAllocatedBytes(thread);
            for (int k = 0; k < 500; k++) {
                bp.gradient(p, g);
            }
            bytes = mx.getThreadAllocatedBytes(thread) - before;
            rounds++;
        }
        assertThat(bytes).as("bytes allocated by 500 gradients after %d rounds of 500", rounds).isZero();
        assertThat(g).as("a gradient was computed").isNotEqualTo(new double[p.length]);
    }
}
