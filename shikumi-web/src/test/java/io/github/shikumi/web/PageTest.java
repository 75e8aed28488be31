package io.github.shikumi.web;

import org.junit.jupiter.api.AfterAll;

/**
 * What the browser tests share: one test server and one headless Chromium per test class (each class's
 * {@code @BeforeAll} checks what it needs and starts them), closed after the class.
 */
abstract class PageTest {
    static TestServer server;
    static Browser browser;
    static int fresh;

    /** Starts the server and a 1280×900 browser (after the class's own assumptions). */
    static void startServerAndBrowser() throws Exception {
        // every fresh page is a new learner's tab, all from this computer's address: more than one device's share
        server = new TestServer(WebConfig.defaults().withSessionsPerClient(1000));
        browser = new Browser(1280, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Opens the app in a new session of this tab (sessionStorage cleared, page reloaded). */
    static void openFresh(String hash) {
        if (browser.driver.getCurrentUrl().startsWith(server.base)) {
            browser.js("sessionStorage.clear()");
        }
        browser.open(server.base + "/?fresh=" + (++fresh) + hash);
    }
}
