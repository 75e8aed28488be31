package io.github.shikumi.web;

import io.github.shikumi.check.Confusion;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.train.EpochListener;
import io.github.shikumi.train.EpochResult;
import io.github.shikumi.train.SgdResult;
import io.github.shikumi.train.SgdSettings;
import io.github.shikumi.train.SgdTraining;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One session's mini-batch training on the large image data (784-H-10, sigmoid hidden layer, softmax and
 * cross-entropy, float path) on a thread of its own: its progress (epoch, batch, loss, seconds left) goes
 * to the session's event stream (event {@code images}), throttled; Cancel stops it after the current batch.
 * At the end: every epoch's loss and accuracy, the test accuracy and the confusion matrix on the test set.
 */
final class ImageRun {
    /** What a run was asked for: hidden units, epochs, training images (the first n of the file), seed;
     * batch 100, η = 0.1, momentum 0.9 (core's defaults for this data). */
    record Settings(int hidden, int epochs, int trainImages, long seed) {
        static final int BATCH = 100;
    }

    private final List<Streams.Stream> clients = new CopyOnWriteArrayList<>();
    private String state = "idle";
    private Settings settings;
    private int epoch;
    private int batch;
    private int batches;
    private double loss = Double.NaN;
    private long startNanos;
    private double seconds;
    private final List<EpochResult> epochs = new ArrayList<>();
    private Map<String, Object> result;
    private String failure;
    private volatile boolean cancelled;
    private long lastPublish;

    synchronized boolean running() {
        return "running".equals(state) || "loading".equals(state);
    }

    /** Marks the run started (the caller checked it was not running). */
    synchronized void begin(Settings s) {
        settings = s;
        state = "loading";
        epoch = 0;
        batch = 0;
        batches = 0;
        loss = Double.NaN;
        epochs.clear();
        result = null;
        failure = null;
        cancelled = false;
        startNanos = System.nanoTime();
        seconds = 0;
    }

    void cancel() {
        cancelled = true;
    }

    /**
     * The run itself, on the caller's thread; {@code release} is called at the end before the final state is
     * visible, so a page that sees the run ended can start another at once.
     */
    void run(FashionMnist source, Runnable release) {
        String end = "failed";
        Map<String, Object> m = null;
        String error = null;
        try {
            FashionMnist.Loaded data = source.data();
            Settings s;
            synchronized (this) {
                s = settings;
                state = "running";
                startNanos = System.nanoTime();
            }
            publish(true);
            Dataset train = data.train();
            if (s.trainImages() < train.size()) {
                train = first(train, s.trainImages());
            }
            Network start = Network.initialFanIn(new ParamLayout(train.pixels(), s.hidden(), train.labels().size()),
                    train, Output.SOFTMAX, s.seed());
            SgdSettings sgd = new SgdSettings(Settings.BATCH, s.epochs(), 0.1, 0.9, s.seed(), 0, 0, 1,
                    SgdSettings.Precision.FLOAT);
            SgdResult r = SgdTraining.run(start, train, data.test(), sgd, new EpochListener() {
                @Override
                public boolean onBatch(int e, int n, int b, int count, double l) {
                    synchronized (ImageRun.this) {
                        epoch = e;
                        batch = b;
                        batches = count;
                        loss = l;
                    }
                    publish(false);
                    return !cancelled && !Thread.currentThread().isInterrupted();
                }

                @Override
                public void onEpoch(EpochResult result) {
                    synchronized (ImageRun.this) {
                        epochs.add(result);
                    }
                    publish(true);
                }
            });
            if (r.cancelled()) {
                end = "cancelled";
            } else {
                m = confusion(r.trained(), data.test());
                end = "done";
            }
        } catch (ApiException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            error = String.valueOf(e.getMessage());
        } finally {
            release.run();
            synchronized (this) {
                result = m;
                failure = error;
                state = end;
                seconds = (System.nanoTime() - startNanos) / 1e9;
            }
            publish(true);
        }
    }

    private static Dataset first(Dataset d, int n) {
        double[][] images = new double[n][];
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            images[i] = d.image(i);
            targets[i] = d.target(i);
        }
        return new Dataset(d.name() + "[0.." + n + ")", d.labels(), d.height(), d.width(), images, targets);
    }

    private static Map<String, Object> confusion(Network net, Dataset test) {
        Confusion c = Confusion.of(net, test);
        int k = test.labels().size();
        int[][] counts = new int[k][k];
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                counts[a][p] = c.count(a, p);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("testImages", test.size());
        m.put("testAccuracy", c.accuracy());
        m.put("confusion", counts);
        return m;
    }

    /** The run's state as the API and the event stream give it. */
    synchronized Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", state);
        if (settings != null) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("dataset", FashionMnist.NAME);
            st.put("layers", List.of(784, settings.hidden(), 10));
            st.put("epochs", settings.epochs());
            st.put("batch", Settings.BATCH);
            st.put("trainImages", settings.trainImages());
            st.put("seed", settings.seed());
            m.put("settings", st);
            int total = settings.epochs() * Math.max(batches, 1);
            int done = Math.max(0, (epoch - 1) * batches + batch);
            double elapsed = running() ? (System.nanoTime() - startNanos) / 1e9 : seconds;
            m.put("epoch", epoch);
            m.put("epochs", settings.epochs());
            m.put("batch", batch);
            m.put("batches", batches);
            m.put("loss", Double.isNaN(loss) ? null : loss);
            m.put("fraction", batches == 0 ? 0.0 : Math.min(1.0, done / (double) total));
            m.put("seconds", elapsed);
            m.put("etaSeconds", done == 0 || !running() ? null : elapsed / done * (total - done));
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (EpochResult r : epochs) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("epoch", r.epoch());
            e.put("seconds", r.seconds());
            e.put("loss", r.loss());
            e.put("trainAccuracy", r.trainAccuracy());
            e.put("testLoss", Double.isNaN(r.testLoss()) ? null : r.testLoss());
            e.put("testAccuracy", Double.isNaN(r.testAccuracy()) ? null : r.testAccuracy());
            list.add(e);
        }
        m.put("history", list);
        if (result != null) {
            m.put("result", result);
        }
        if (failure != null) {
            m.put("error", failure);
        }
        return m;
    }

    void add(Streams.Stream stream) {
        clients.add(stream);
        stream.resend = () -> publish(true);
        publish(true);
    }

    void remove(Streams.Stream stream) {
        clients.remove(stream);
    }

    /** Sends the status to every page (during a run at most every 100 ms unless {@code now}). */
    void publish(boolean now) {
        long t = System.nanoTime();
        synchronized (this) {
            if (!now && t - lastPublish < Progress.INTERVAL_NANOS) {
                return;
            }
            lastPublish = t;
        }
        if (clients.isEmpty()) {
            return;
        }
        String json = Events.json(status());
        for (Streams.Stream c : clients) {
            c.send("images", () -> json); // never waits for a page (see Streams)
        }
    }

    void closeAll() {
        cancel();
        for (Streams.Stream c : clients) {
            c.drop();
        }
        clients.clear();
    }
}
