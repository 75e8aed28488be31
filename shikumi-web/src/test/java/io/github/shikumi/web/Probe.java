package io.github.shikumi.web;

/** Debugging aid: loads a view sequence against a running server and prints what the page did. */
public final class Probe {
    private Probe() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        try (Browser b = new Browser(1280, 900)) {
            b.driver.get(base);
            for (int i = 0; i < 8; i++) {
                b.js("sessionStorage.clear()");
                b.open(base + "?y=" + i + "#/train?n=50&pace=0");
                System.out.println("opened " + i);
            }
            b.js("sessionStorage.clear()");
            b.open(base + "?x=1#/data?n=200");
            b.find("#h-data");
            Thread.sleep(400);
            b.fullScreenshot("probe-data");
            b.consoleProblems();
            b.js("location.hash = location.hash.replace(/^#\\/[a-z]*/, '#/network')");
            Thread.sleep(3000);
            System.out.println("network children: " + b.js("return document.getElementById('view-network').children.length"));
            System.out.println("hidden: " + b.js("return document.getElementById('view-network').hidden"));
            System.out.println("hash: " + b.js("return location.hash"));
            b.driver.manage().logs().get("browser").getAll().forEach(e -> System.out.println("LOG " + e));
        }
    }
}
