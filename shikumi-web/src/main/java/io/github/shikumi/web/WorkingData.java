package io.github.shikumi.web;

import io.github.shikumi.data.Dataset;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's own copy of its training images, which the learner edits (add, change, delete). It starts
 * as a copy of a bundled or uploaded dataset, so edits never touch the bundled data. Not thread-safe:
 * the owning {@link Session} guards it.
 */
final class WorkingData {
    static final int MAX_LABEL_LENGTH = 20;

    private final String name;
    private final boolean bundled;
    private final int height;
    private final int width;
    private final List<String> labels;
    private final List<double[]> images = new ArrayList<>();
    private final List<Integer> targets = new ArrayList<>();
    private boolean edited;
    private Dataset cached;

    private WorkingData(String name, boolean bundled, Dataset d) {
        this.name = name;
        this.bundled = bundled;
        this.height = d.height();
        this.width = d.width();
        this.labels = new ArrayList<>(d.labels());
        for (int n = 0; n < d.size(); n++) {
            images.add(d.image(n));
            targets.add(d.target(n));
        }
        this.cached = d;
    }

    private WorkingData(WorkingData w) {
        this.name = w.name;
        this.bundled = w.bundled;
        this.height = w.height;
        this.width = w.width;
        this.labels = new ArrayList<>(w.labels);
        this.images.addAll(w.images); // the arrays are never changed in place: edits replace them
        this.targets.addAll(w.targets);
        this.edited = w.edited;
        this.cached = w.cached;
    }

    /** A copy to edit: the session keeps it only when the whole edit succeeded. */
    WorkingData copy() {
        return new WorkingData(this);
    }

    /** A working copy of {@code d}, checked against the server's limits. */
    static WorkingData of(String name, boolean bundled, Dataset d, WebConfig limits) {
        if (d.height() > limits.maxSide() || d.width() > limits.maxSide()) {
            throw ApiException.badRequest(WebMsg.IMAGE_TOO_LARGE, limits.maxSide(), d.shapeText());
        }
        if (d.size() > limits.maxImages()) {
            throw ApiException.badRequest(WebMsg.TOO_MANY_IMAGES, limits.maxImages(), d.size());
        }
        if (d.labels().size() > limits.maxLabels()) {
            throw ApiException.badRequest(WebMsg.TOO_MANY_LABELS, limits.maxLabels(), d.labels().size());
        }
        return new WorkingData(name, bundled, d);
    }

    /** A bundled set's copy as the learner edited it, brought back by a share link that holds its images. */
    static WorkingData edited(String name, Dataset d, WebConfig limits) {
        WorkingData w = of(name, true, d, limits);
        w.edited = true;
        return w;
    }

    String name() {
        return name;
    }

    /** True when this copy came from a bundled set (whether or not the learner has edited it). */
    boolean bundled() {
        return bundled;
    }

    boolean edited() {
        return edited;
    }

    int height() {
        return height;
    }

    int width() {
        return width;
    }

    int pixels() {
        return height * width;
    }

    int size() {
        return images.size();
    }

    List<String> labels() {
        return List.copyOf(labels);
    }

    /** The current images as an immutable dataset (cached until the next edit). */
    Dataset dataset() {
        if (cached == null) {
            int[] t = targets.stream().mapToInt(Integer::intValue).toArray();
            cached = new Dataset(name, labels, height, width, images.toArray(new double[0][]), t);
        }
        return cached;
    }

    /** Index of {@code label}, appending it as a new label (a new output unit) if it is new. */
    int labelIndex(String label, int maxLabels) {
        if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH || label.chars().anyMatch(Character::isWhitespace)
                || label.chars().anyMatch(Character::isISOControl)
                || label.startsWith("#")) {
            throw ApiException.badRequest(WebMsg.LABEL_INVALID, label);
        }
        int k = labels.indexOf(label);
        if (k >= 0) {
            return k;
        }
        if (labels.size() >= maxLabels) {
            throw ApiException.badRequest(WebMsg.TOO_MANY_LABELS, maxLabels, labels.size() + 1);
        }
        labels.add(label);
        return labels.size() - 1;
    }

    /** Adds an image; returns its index. */
    int add(int target, double[] pixels, int maxImages) {
        if (images.size() >= maxImages) {
            throw ApiException.badRequest(WebMsg.TOO_MANY_IMAGES, maxImages, images.size() + 1);
        }
        images.add(pixels.clone());
        targets.add(target);
        changed();
        return images.size() - 1;
    }

    void set(int n, int target, double[] pixels) {
        checkIndex(n);
        images.set(n, pixels.clone());
        targets.set(n, target);
        changed();
    }

    void delete(int n) {
        checkIndex(n);
        if (images.size() == 1) {
            throw ApiException.badRequest(WebMsg.LAST_IMAGE);
        }
        images.remove(n);
        targets.remove(n);
        changed();
    }

    void checkIndex(int n) {
        if (n < 0 || n >= images.size()) {
            throw new ApiException(404, WebMsg.IMAGE_RANGE, n, images.size() - 1);
        }
    }

    private void changed() {
        edited = true;
        cached = null;
        dropLabelsWithoutImages();
    }

    /**
     * A label whose last image was deleted or relabelled leaves the working copy (the labels after it move up):
     * a network is made only for labels that have images, since an output that never sees its letter cannot
     * learn it (core refuses such data).
     */
    private void dropLabelsWithoutImages() {
        int[] count = new int[labels.size()];
        for (int t : targets) {
            count[t]++;
        }
        int[] newIndex = new int[labels.size()];
        List<String> kept = new ArrayList<>();
        for (int k = 0; k < labels.size(); k++) {
            newIndex[k] = kept.size();
            if (count[k] > 0) {
                kept.add(labels.get(k));
            }
        }
        if (kept.size() == labels.size()) {
            return;
        }
        for (int i = 0; i < targets.size(); i++) {
            targets.set(i, newIndex[targets.get(i)]);
        }
        labels.clear();
        labels.addAll(kept);
    }
}
