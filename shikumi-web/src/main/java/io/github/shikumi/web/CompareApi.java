package io.github.shikumi.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.optim.Optimizers;
import io.github.shikumi.train.GradientDescent;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The Compare view's API, {@code shikumi compare} on the server: the book's gradient descent, momentum,
 * conjugate gradient (standing in for Excel's Solver) and the derivative-free Nelder–Mead, from the same
 * start on the same data; progress on an event stream; cancellable. Bounded in iterations and in work
 * (images × parameters × iterations × optimisers).
 */
final class CompareApi {
    private final WebConfig config;
    private final Api api;
    private final ExecutorService runs;
    private final MemoryBudget budget;
    /**
     * Paced comparisons (slow motion) run here, not on the run threads, which they would hold while they
     * wait; what they compute in all is bounded by the work limit like any comparison.
     */
    private final ThreadPoolExecutor paced;

    CompareApi(WebConfig config, Api api, ExecutorService runs, MemoryBudget budget) {
        this.config = config;
        this.api = api;
        this.runs = runs;
        this.budget = budget;
        this.paced = new ThreadPoolExecutor(PACED_THREADS, PACED_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "shikumi-compare-paced");
                    t.setDaemon(true);
                    return t;
                });
        paced.allowCoreThreadTimeOut(true);
    }

    /** Threads for paced comparisons on the whole server (they mostly wait). */
    static final int PACED_THREADS = 32;

    void close() {
        paced.shutdownNow();
    }

    void routes(RoutesConfig r) {
        r.post("/api/sessions/{id}/compare", this::start);
        r.get("/api/sessions/{id}/compare", ctx -> ShikumiServer.json(ctx, api.session(ctx).comparisons().state()));
        r.post("/api/sessions/{id}/compare/cancel", this::cancel);
        r.get("/api/sessions/{id}/compare/events", this::events);
    }

    private void start(Context ctx) {
        Session s = api.session(ctx);
        Body b = Body.parse(ctx.body());
        List<String> names = optimizers(b);
        int hidden = (int) b.integer("hidden", Api.DEFAULT_HIDDEN, 1, config.maxHidden());
        long seed = b.integer("seed", Api.DEFAULT_SEED, 0, Session.MAX_SEED);
        int iterations = (int) b.integer("iterations", GradientDescent.BOOK_ITERATIONS, 1, config.maxCompareIterations());
        double eta = b.positive("eta", GradientDescent.BOOK_ETA, Session.MAX_ETA);
        boolean zeroInit = b.bool("zeroInit", false);
        double perSecond = b.has("perSecond") ? b.positive("perSecond", 0, 100_000) : 0;
        String name;
        Dataset data;
        if (b.has("dataset")) {
            name = b.text("dataset", 100);
            data = Bundled.get(name);
        } else {
            synchronized (s) {
                WorkingData wd = s.data();
                name = wd.name() + (wd.edited() ? " (edited)" : "");
                data = wd.dataset();
            }
        }
        Network start = Network.initial(data, seed, hidden);
        int p = start.layout().count();
        // memory: each optimiser's own model, one at a time, beside two objectives and the curves
        long objectives = 2 * MemoryBudget.objective(start.layout(), data.size());
        long largest = 0;
        for (String n : names) {
            long bytes = objectives + MemoryBudget.optimizer(n, p);
            if (bytes > budget.perJob()) {
                throw ApiException.badRequest(WebMsg.COMPARE_TOO_MUCH_MEMORY, n, p, MemoryBudget.mb(bytes),
                        MemoryBudget.mb(budget.perJob()));
            }
            largest = Math.max(largest, bytes);
        }
        // work: images × parameters × evaluations (one per iteration, and Nelder–Mead's first simplex of p + 1)
        long evaluations = 0;
        for (String n : names) {
            evaluations += iterations + MemoryBudget.extraEvaluations(n, p);
        }
        long work = (long) data.size() * p * evaluations;
        if (work > config.maxCompareWork() || work / p / data.size() != evaluations) {
            long extra = evaluations - (long) iterations * names.size();
            if (extra == 0) {
                throw ApiException.badRequest(WebMsg.COMPARE_TOO_MUCH_WORK, data.size(), p, iterations,
                        names.size(), work, config.maxCompareWork());
            }
            throw ApiException.badRequest(WebMsg.COMPARE_TOO_MUCH_WORK_SIMPLEX, data.size(), p, iterations,
                    names.size(), extra, work, config.maxCompareWork());
        }
        long curves = 2L * names.size() * (iterations + 1L) * MemoryBudget.DOUBLE;
        if (zeroInit) {
            start = start.withParams(new double[start.layout().count()]); // w = θ = 0, as shikumi compare --zero-init
        }
        CompareJob.Settings settings = new CompareJob.Settings(names, name, hidden, seed, iterations, eta, zeroInit, perSecond);
        s.comparisons().start(settings, start, data, perSecond > 0 ? paced : runs, budget, largest + curves);
        ctx.status(202);
        ShikumiServer.json(ctx, s.comparisons().state());
    }

    /** {@code optimizers}: a non-empty array of distinct names from {@link Optimizers#NAMES} (default: {@link Optimizers#DEFAULT}, the four without solver). */
    private static List<String> optimizers(Body b) {
        if (!b.has("optimizers")) {
            return Optimizers.DEFAULT;
        }
        JsonNode v = b.node("optimizers");
        if (!v.isArray()) {
            throw ApiException.badRequest(WebMsg.FIELD_TYPE, "optimizers", WebMsg.TYPE_STRINGS);
        }
        if (v.isEmpty() || v.size() > Optimizers.NAMES.size()) {
            throw ApiException.badRequest(WebMsg.FIELD_RANGE, "optimizers.length", v.size(), 1, Optimizers.NAMES.size());
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode n = v.get(i);
            if (!n.isTextual()) {
                throw ApiException.badRequest(WebMsg.FIELD_TYPE, "optimizers[" + i + "]", WebMsg.TYPE_STRING);
            }
            String name = n.asText();
            if (!Optimizers.NAMES.contains(name)) {
                throw ApiException.badRequest(WebMsg.COMPARE_UNKNOWN_OPTIMIZER, name.length() > 40 ? name.substring(0, 40) + "…" : name,
                        String.join(", ", Optimizers.NAMES));
            }
            if (names.contains(name)) {
                throw ApiException.badRequest(WebMsg.COMPARE_TWICE, name);
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private void cancel(Context ctx) {
        Session s = api.session(ctx);
        boolean was = s.comparisons().cancel();
        Map<String, Object> m = new LinkedHashMap<>(s.comparisons().state());
        m.put("cancelled", was);
        ShikumiServer.json(ctx, m);
    }

    private void events(Context ctx) {
        Session s = api.session(ctx);
        api.streams().open(ctx, s.id, s.comparisons()::add, s.comparisons()::remove);
    }
}
