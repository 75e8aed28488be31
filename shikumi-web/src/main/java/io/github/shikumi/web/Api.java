package io.github.shikumi.web;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.export.OnnxExport;
import io.github.shikumi.format.BitmapText;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.optim.Optimizers;
import io.github.shikumi.update.UpdateRules;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The JSON API (documented in the README): sessions, training (step, run, cancel, branch, event stream),
 * and the numbers behind each view. Each handler validates its input, then works on one session.
 */
final class Api {
    static final int DEFAULT_HIDDEN = 3;
    static final long DEFAULT_SEED = 1;
    static final String DEFAULT_DATA = "aple";

    private final WebConfig config;
    private final Sessions sessions;
    private final ExecutorService runs;
    private final ScheduledExecutorService timer;
    private final Streams streams;
    private final DataApi data;
    private final CompareApi compare;
    private final ImageApi images;

    Api(WebConfig config, Sessions sessions, ExecutorService runs, ScheduledExecutorService timer, Streams streams,
        FashionMnist imageData) {
        this.config = config;
        this.sessions = sessions;
        this.runs = runs;
        this.timer = timer;
        this.streams = streams;
        this.data = new DataApi(config, this);
        this.compare = new CompareApi(config, this, runs, sessions.budget());
        this.images = new ImageApi(sessions, imageData, streams);
    }

    Streams streams() {
        return streams;
    }

    /** The server stops: large-data runs are cancelled. */
    void close() {
        images.closeAll();
        compare.close();
    }

    void routes(RoutesConfig r) {
        r.get("/api/health", ctx -> ShikumiServer.json(ctx, Map.of("status", "ok")));
        r.get("/api/datasets", this::datasets);
        r.get("/api/roles", this::roles);
        // the class link: the addresses students open, with QR codes (empty when only this computer can reach the server)
        r.get("/api/classroom", ctx -> ShikumiServer.json(ctx, Classroom.links(config.host(), ctx.port())));
        r.post("/api/sessions", this::create);
        r.get("/api/sessions/{id}", ctx -> ShikumiServer.json(ctx, session(ctx).summary()));
        r.delete("/api/sessions/{id}", this::delete);
        r.put("/api/sessions/{id}/settings", this::settings);
        r.post("/api/sessions/{id}/reset", ctx -> changed(ctx, session(ctx), Session::reset));
        r.post("/api/sessions/{id}/step", this::step);
        r.post("/api/sessions/{id}/run", this::run);
        r.post("/api/sessions/{id}/cancel", this::cancel);
        r.post("/api/sessions/{id}/branch", this::branch);
        r.get("/api/sessions/{id}/curve", ctx -> ShikumiServer.json(ctx,
                session(ctx).curve((int) query(ctx, "from", 0, 0, Integer.MAX_VALUE))));
        r.get("/api/sessions/{id}/events", this::events);
        r.get("/api/sessions/{id}/network", this::network);
        r.get("/api/sessions/{id}/trace", this::trace);
        r.get("/api/sessions/{id}/gradcheck", this::gradcheck);
        r.get("/api/sessions/{id}/results", this::results);
        r.post("/api/sessions/{id}/classify", this::classify);
        r.get("/api/sessions/{id}/export/model", this::exportModel);
        r.get("/api/sessions/{id}/export/data", this::exportData);
        r.get("/api/sessions/{id}/export/onnx", this::exportOnnx);
        r.post("/api/sessions/{id}/check-xlsx", ctx -> {
            session(ctx); // a session's, so that a class's uploads share its limits
            XlsxExport.check(ctx, Body.parse(ctx.body()));
        });
        r.get("/api/sessions/{id}/worksheet", ctx -> {
            Session s = session(ctx);
            XlsxExport.worksheet(ctx, s, iteration(ctx, s), image(ctx, s.dataset(), "image", true));
        });
        r.get("/api/sessions/{id}/export/xlsx", ctx -> {
            Session s = session(ctx);
            XlsxExport.answer(ctx, s, iteration(ctx, s));
        });
        data.routes(r);
        compare.routes(r);
        images.routes(r);
    }

    Session session(Context ctx) {
        return sessions.get(ctx.pathParam("id"));
    }

    /** Applies a change, tells the page's event stream, and answers with the session's summary. */
    void changed(Context ctx, Session s, java.util.function.Consumer<Session> change) {
        change.accept(s);
        s.progress().publish();
        ShikumiServer.json(ctx, s.summary());
    }

    /** An integer query parameter in [min, max], or {@code fallback} when absent. */
    static long query(Context ctx, String name, long fallback, long min, long max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        long x;
        try {
            x = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(WebMsg.FIELD_TYPE, name, WebMsg.TYPE_INTEGER);
        }
        if (x < min || x > max) {
            throw ApiException.badRequest(WebMsg.FIELD_RANGE, name, x, min, max);
        }
        return x;
    }

    private void datasets(Context ctx) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String name : Bundled.available()) {
            Dataset d = Bundled.get(name);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("size", d.size());
            m.put("labels", d.labels());
            m.put("height", d.height());
            m.put("width", d.width());
            list.add(m);
        }
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("maxImages", config.maxImages());
        limits.put("maxSide", config.maxSide());
        limits.put("maxLabels", config.maxLabels());
        limits.put("maxHidden", config.maxHidden());
        limits.put("maxStepIterations", config.maxStepIterations());
        limits.put("maxRunIterations", config.maxRunIterations());
        limits.put("maxBodyBytes", config.maxBodyBytes());
        limits.put("maxCompareIterations", config.maxCompareIterations());
        limits.put("maxCompareWork", config.maxCompareWork());
        ShikumiServer.json(ctx, Map.of("bundled", list, "limits", limits, "images", images.listing()));
    }

    private void create(Context ctx) {
        Body b = Body.parse(ctx.body());
        String name = b.text("dataset", DEFAULT_DATA, 100);
        double eta = b.positive("eta", GradientDescent.BOOK_ETA, Session.MAX_ETA);
        int hidden = (int) b.integer("hidden", DEFAULT_HIDDEN, 1, config.maxHidden());
        long seed = b.integer("seed", DEFAULT_SEED, 0, Session.MAX_SEED);
        Activation activation = activation(b);
        String optimizer = choice(b, "optimizer", UpdateRules.names());
        WorkingData wd;
        if (b.has("text") && b.bool("edited", false)) {
            Bundled.get(name); // an edited copy of a bundled set (a share link's d=): the set must exist
            wd = WorkingData.edited(name, BitmapText.parse(name + ".txt", b.text("text", (int) config.maxBodyBytes())), config);
        } else if (b.has("text")) {
            String file = b.text("name", "upload.txt", 100).replaceAll("[\\\\/:]", "_");
            wd = WorkingData.of(file, false, BitmapText.parse(file, b.text("text", (int) config.maxBodyBytes())), config);
        } else {
            wd = WorkingData.of(name, true, Bundled.get(name), config);
        }
        Session s = sessions.create(ctx.ip(), (id, now, budget) -> new Session(id, config, wd, eta, hidden, seed,
                activation == null ? Activation.SIGMOID : activation, optimizer == null ? "gd" : optimizer, now, budget));
        ctx.status(201);
        ShikumiServer.json(ctx, s.summary());
    }

    private void delete(Context ctx) {
        session(ctx);
        sessions.remove(ctx.pathParam("id"));
        ctx.status(204);
    }

    private void settings(Context ctx) {
        Session s = session(ctx);
        Body b = Body.parse(ctx.body());
        Double eta = b.has("eta") ? b.positive("eta", 0, Session.MAX_ETA) : null;
        Integer hidden = b.has("hidden") ? (int) b.integer("hidden", 1, config.maxHidden()) : null;
        Long seed = b.has("seed") ? b.integer("seed", 0, Session.MAX_SEED) : null;
        Activation activation = activation(b);
        String optimizer = choice(b, "optimizer", UpdateRules.names());
        changed(ctx, s, x -> x.settings(eta, hidden, seed, activation, optimizer));
    }

    /** {@code activation}: the hidden layer's function by its name (sigmoid, tanh, relu, identity), or null. */
    private static Activation activation(Body b) {
        List<String> names = new ArrayList<>();
        for (Activation a : Activation.values()) {
            names.add(a.id());
        }
        String name = choice(b, "activation", names);
        return name == null ? null : Activation.of(name);
    }

    /** A text field whose value is one of {@code names}, or null when it is absent. */
    private static String choice(Body b, String field, List<String> names) {
        if (!b.has(field)) {
            return null;
        }
        String v = b.text(field, 100);
        if (!names.contains(v)) {
            throw ApiException.badRequest(WebMsg.FIELD_CHOICE, field, v, String.join(", ", names));
        }
        return v;
    }

    /**
     * The roles a session can take, from core (the one list of each): the hidden layer's activations with
     * their formulas, and the update rules with their settings and defaults.
     */
    private void roles(Context ctx) {
        List<Map<String, Object>> activations = new ArrayList<>();
        for (Activation a : Activation.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("symbol", a.symbol());
            m.put("formula", a.formula());
            m.put("derivative", a.derivativeFormula());
            activations.add(m);
        }
        List<Map<String, Object>> rules = new ArrayList<>();
        for (String name : UpdateRules.names()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("settings", UpdateRules.settings(name));
            rules.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activations", activations);
        m.put("optimizers", rules);
        // the Compare view's choices: every optimiser `compare` knows, and those ticked by default
        m.put("compare", Map.of("names", Optimizers.NAMES, "default", Optimizers.DEFAULT));
        ShikumiServer.json(ctx, m);
    }

    private void step(Context ctx) {
        Session s = session(ctx);
        int n = (int) Body.parse(ctx.body()).integer("iterations", 1, 1, config.maxStepIterations());
        s.step(n);
        s.progress().publish();
        int last = s.last();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("last", last);
        m.put("e", s.e(last));
        m.put("accuracy", s.accuracy(last));
        m.put("diverged", s.diverged() < 0 ? null : s.diverged());
        ShikumiServer.json(ctx, m);
    }

    private void run(Context ctx) {
        Session s = session(ctx);
        Body b = Body.parse(ctx.body());
        int n = (int) b.integer("iterations", GradientDescent.BOOK_ITERATIONS, 1, config.maxRunIterations());
        double perSecond = b.has("perSecond") ? b.positive("perSecond", 0, 100_000) : 0;
        s.startRun(n, perSecond, runs, timer);
        ctx.status(202);
        ShikumiServer.json(ctx, s.summary());
    }

    private void cancel(Context ctx) {
        Session s = session(ctx);
        boolean was = s.cancel();
        Map<String, Object> m = new LinkedHashMap<>(s.summary());
        m.put("cancelled", was);
        ShikumiServer.json(ctx, m);
    }

    private void branch(Context ctx) {
        Session s = session(ctx);
        Body b = Body.parse(ctx.body());
        long k = b.integer("iteration", 0, Integer.MAX_VALUE);
        double eta = b.positive("eta", 0, Session.MAX_ETA);
        if (!b.has("eta")) {
            throw ApiException.badRequest(WebMsg.FIELD_MISSING, "eta");
        }
        changed(ctx, s, x -> x.branch((int) k, eta));
    }

    private void events(Context ctx) {
        Session s = session(ctx);
        streams.open(ctx, s.id, s.progress()::add, s.progress()::remove);
    }

    /** The iteration asked for by {@code ?iteration=k} (default: the last), checked against the run. */
    private static int iteration(Context ctx, Session s) {
        return s.resolve(query(ctx, "iteration", -1, -1, Integer.MAX_VALUE));
    }

    private static int image(Context ctx, Dataset d, String name, boolean required) {
        if (!required && (ctx.queryParam(name) == null || ctx.queryParam(name).isEmpty())) {
            return -1;
        }
        if (ctx.queryParam(name) == null) {
            throw ApiException.badRequest(WebMsg.FIELD_MISSING, name);
        }
        long n = query(ctx, name, 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (n < 0 || n >= d.size()) {
            throw ApiException.badRequest(WebMsg.IMAGE_RANGE, n, d.size() - 1);
        }
        return (int) n;
    }

    private void network(Context ctx) {
        Session s = session(ctx);
        int k = iteration(ctx, s);
        Network net = s.network(k);
        Dataset d = s.dataset();
        int n = image(ctx, d, "image", false);
        Map<String, Object> m = Insights.network(net, k);
        if (n >= 0) {
            m.put("activations", Insights.activations(net, d, n));
        }
        ShikumiServer.json(ctx, m);
    }

    private void trace(Context ctx) {
        Session s = session(ctx);
        int k = iteration(ctx, s);
        Dataset d = s.dataset();
        int n = image(ctx, d, "image", true);
        ShikumiServer.json(ctx, Insights.trace(s.network(k), d, n, k, s.rule(), g -> s.nextUpdate(k, g)));
    }

    private void gradcheck(Context ctx) {
        Session s = session(ctx);
        int k = iteration(ctx, s);
        ShikumiServer.json(ctx, Insights.gradcheck(s.network(k), s.dataset(), k, config.maxGradcheckWork()));
    }

    private void results(Context ctx) {
        Session s = session(ctx);
        int k = iteration(ctx, s);
        Dataset d = s.dataset();
        Network before = s.network(0);
        Network after = s.network(k);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iteration", k);
        m.put("labels", d.labels());
        String name = s.data().name();
        m.put("before", Insights.predictions(before, d, name));
        m.put("after", Insights.predictions(after, d, name));
        Bundled.testSetFor(d).ifPresent(t -> m.put("test", Map.of(
                "before", Insights.predictions(before, t, Bundled.TEST_SET),
                "after", Insights.predictions(after, t, Bundled.TEST_SET),
                "images", pixels(t)))); // the test images themselves, so the page can show the wrong ones
        ShikumiServer.json(ctx, m);
    }

    /** Each image's pixels as 0/1 (the page draws them). */
    private static List<int[]> pixels(Dataset d) {
        List<int[]> out = new ArrayList<>();
        for (int n = 0; n < d.size(); n++) {
            int[] px = new int[d.pixels()];
            for (int i = 0; i < px.length; i++) {
                px[i] = d.pixel(n, i) >= 0.5 ? 1 : 0;
            }
            out.add(px);
        }
        return out;
    }

    private void classify(Context ctx) {
        Session s = session(ctx);
        Body b = Body.parse(ctx.body());
        long it = b.integer("iteration", -1, -1, Integer.MAX_VALUE);
        int k = s.resolve(it);
        Dataset d = s.dataset();
        double[] x = b.pixels("pixels", d.pixels(), d.shapeText(), false);
        ShikumiServer.json(ctx, Insights.classify(s.network(k), x, k));
    }

    private void exportModel(Context ctx) {
        Session s = session(ctx);
        int k = iteration(ctx, s);
        String json = ModelJson.write(s.network(k));
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileStem(s) + "-model-" + k + ".json\"");
        ctx.contentType("application/json; charset=utf-8").result(json);
    }

    /** The model of the iteration shown as ONNX, as {@code shikumi export-onnx} writes it (shikumi-export). */
    private void exportOnnx(Context ctx) {
        Session s = session(ctx);
        int k = iteration(ctx, s);
        byte[] onnx = OnnxExport.bytes(s.network(k));
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileStem(s) + "-model-" + k + ".onnx\"");
        ctx.contentType("application/octet-stream").result(onnx);
    }

    private void exportData(Context ctx) {
        Session s = session(ctx);
        String text = BitmapText.write(s.dataset());
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileStem(s) + ".txt\"");
        ctx.contentType("text/plain; charset=utf-8").result(text);
    }

    /** A safe file name stem from the data's name: letters, digits, '-' and '_' only. */
    static String fileStem(Session s) {
        WorkingData d = s.data();
        String stem = d.name().replaceAll("\\.[A-Za-z]+$", "").replaceAll("[^A-Za-z0-9_-]", "_");
        if (stem.isEmpty()) {
            stem = "data";
        }
        return d.edited() ? stem + "-edited" : stem;
    }
}
