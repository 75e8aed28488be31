package io.github.shikumi.web;

import io.github.shikumi.data.Dataset;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API of the large image data (Fashion-MNIST, when installed on the server): a gallery of a bounded
 * sample of its 28×28 grey images, and per session one background mini-batch training run with its
 * event stream. Bounded: epochs, hidden units, images per gallery page, one run per session and
 * {@link #GLOBAL_RUNS} runs on the whole server.
 */
final class ImageApi {
    static final int MAX_EPOCHS = 10;
    static final int DEFAULT_EPOCHS = 1;
    static final int MAX_HIDDEN = 256;
    static final int DEFAULT_HIDDEN = 64;
    static final int MIN_TRAIN_IMAGES = ImageRun.Settings.BATCH;
    static final int MAX_PER_LABEL = 50;
    static final int DEFAULT_PER_LABEL = 10;
    /** Large runs computed at once on the whole server (each holds a float copy of its images). */
    static final int GLOBAL_RUNS = 1;

    private final Sessions sessions;
    private final FashionMnist source;
    private final Map<String, ImageRun> runs = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private final Streams streams;

    ImageApi(Sessions sessions, FashionMnist source, Streams streams) {
        this.sessions = sessions;
        this.source = source;
        this.streams = streams;
        sessions.onRemove(this::forget); // a forgotten session's run is cancelled and its slot freed
    }

    /** Cancels and drops the run of session {@code id} (it was deleted or expired). */
    private void forget(String id) {
        ImageRun run = runs.remove(id);
        if (run != null) {
            run.closeAll();
        }
    }

    void routes(RoutesConfig r) {
        r.get("/api/images/{name}/gallery", this::gallery);
        r.post("/api/sessions/{id}/images/run", this::start);
        r.get("/api/sessions/{id}/images/run", ctx -> ShikumiServer.json(ctx, slot(ctx).status()));
        r.post("/api/sessions/{id}/images/cancel", this::cancel);
        r.get("/api/sessions/{id}/images/events", this::events);
    }

    /** The entries of {@code /api/datasets}' "images" list: Fashion-MNIST when its files are there. */
    List<Map<String, Object>> listing() {
        List<Map<String, Object>> list = new ArrayList<>();
        if (source.available()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", FashionMnist.NAME);
            m.put("size", FashionMnist.TRAIN_SIZE);
            m.put("testSize", FashionMnist.TEST_SIZE);
            m.put("labels", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
            m.put("height", 28);
            m.put("width", 28);
            m.put("batch", ImageRun.Settings.BATCH);
            m.put("maxEpochs", MAX_EPOCHS);
            m.put("maxHidden", MAX_HIDDEN);
            m.put("maxPerLabel", MAX_PER_LABEL);
            list.add(m);
        }
        return list;
    }

    private FashionMnist.Loaded data(String name) {
        if (!FashionMnist.NAME.equals(name) || !source.available()) {
            throw new ApiException(404, WebMsg.IMAGES_UNAVAILABLE, name.length() > 40 ? name.substring(0, 40) : name);
        }
        return source.data();
    }

    /** {@code ?set=train|test&perLabel=n&page=p}: images p·n … p·n+n−1 of each label, grey levels 0…255 in base64. */
    private void gallery(Context ctx) {
        String set = ctx.queryParam("set") == null ? "train" : ctx.queryParam("set");
        if (!set.equals("train") && !set.equals("test")) {
            throw ApiException.badRequest(WebMsg.FIELD_TYPE, "set", WebMsg.TYPE_SET);
        }
        int perLabel = (int) Api.query(ctx, "perLabel", DEFAULT_PER_LABEL, 1, MAX_PER_LABEL);
        long page = Api.query(ctx, "page", 0, 0, Integer.MAX_VALUE);
        FashionMnist.Loaded data = data(ctx.pathParam("name"));
        boolean test = set.equals("test");
        Dataset d = data.set(test);
        List<int[]> byLabel = data.byLabel(test);
        int largest = byLabel.stream().mapToInt(a -> a.length).max().orElse(0);
        int pages = (largest + perLabel - 1) / perLabel;
        if (page >= pages) {
            throw ApiException.badRequest(WebMsg.FIELD_RANGE, "page", page, 0, pages - 1);
        }
        List<Map<String, Object>> images = new ArrayList<>();
        for (int k = 0; k < byLabel.size(); k++) {
            int[] idx = byLabel.get(k);
            for (long i = page * perLabel; i < Math.min(idx.length, (page + 1) * perLabel); i++) {
                int n = idx[(int) i];
                byte[] grey = new byte[d.pixels()];
                for (int p = 0; p < grey.length; p++) {
                    grey[p] = (byte) Math.round(d.pixel(n, p) * 255); // the file's byte v back from v / 255
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("index", n);
                m.put("label", d.labelOf(n));
                m.put("grey", Base64.getEncoder().encodeToString(grey));
                images.add(m);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", FashionMnist.NAME);
        m.put("set", set);
        m.put("size", d.size());
        m.put("labels", d.labels());
        m.put("height", d.height());
        m.put("width", d.width());
        m.put("perLabel", perLabel);
        m.put("page", page);
        m.put("pages", pages);
        m.put("images", images);
        ShikumiServer.json(ctx, m);
    }

    /** This session's run slot (the session must exist: 404 otherwise). */
    private ImageRun slot(Context ctx) {
        String id = ctx.pathParam("id");
        sessions.get(id);
        return runs.computeIfAbsent(id, k -> new ImageRun());
    }

    private void start(Context ctx) {
        ImageRun run = slot(ctx);
        Body b = Body.parse(ctx.body());
        data(b.text("dataset", FashionMnist.NAME, 100));
        int epochs = (int) b.integer("epochs", DEFAULT_EPOCHS, 1, MAX_EPOCHS);
        int hidden = (int) b.integer("hidden", DEFAULT_HIDDEN, 1, MAX_HIDDEN);
        int trainImages = (int) b.integer("trainImages", FashionMnist.TRAIN_SIZE, MIN_TRAIN_IMAGES,
                FashionMnist.TRAIN_SIZE);
        long seed = b.integer("seed", Api.DEFAULT_SEED, 0, Session.MAX_SEED);
        forgetGone();
        synchronized (run) {
            if (run.running()) {
                throw new ApiException(409, WebMsg.RUN_BUSY);
            }
            if (active.incrementAndGet() > GLOBAL_RUNS) {
                active.decrementAndGet();
                throw new ApiException(503, WebMsg.IMAGES_SERVER_BUSY, GLOBAL_RUNS);
            }
            run.begin(new ImageRun.Settings(hidden, epochs, trainImages, seed));
        }
        Thread t = new Thread(() -> run.run(source, active::decrementAndGet), "shikumi-images");
        t.setDaemon(true);
        t.start();
        ctx.status(202);
        ShikumiServer.json(ctx, run.status());
    }

    private void cancel(Context ctx) {
        ImageRun run = slot(ctx);
        boolean was = run.running();
        run.cancel();
        Map<String, Object> m = new LinkedHashMap<>(run.status());
        m.put("cancelled", was);
        ShikumiServer.json(ctx, m);
    }

    private void events(Context ctx) {
        ImageRun run = slot(ctx);
        streams.open(ctx, ctx.pathParam("id"), run::add, run::remove);
    }

    /** Cancels and drops the runs of sessions the server has forgotten. */
    private void forgetGone() {
        for (Iterator<Map.Entry<String, ImageRun>> it = runs.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, ImageRun> e = it.next();
            if (!sessions.contains(e.getKey())) {
                e.getValue().closeAll();
                it.remove();
            }
        }
    }

    /** The server stops: every run is cancelled and every stream closed. */
    void closeAll() {
        runs.values().forEach(ImageRun::closeAll);
        runs.clear();
    }
}
