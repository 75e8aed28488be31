package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The Image data view in real headless Chromium, on Debian's Fashion-MNIST (skipped with a message when the
 * files or Chromium are missing): choose the dataset in Data, see grey images, train briefly with the
 * progress bar, see the epochs, the test accuracy and the confusion matrix.
 */
class ImageBrowserTest extends PageTest {

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        ImageApiTest.assumeInstalled();
        startServerAndBrowser();
    }

    @Test
    void choosing_fashion_mnist_shows_grey_images_and_a_short_run_shows_progress_and_a_result() throws Exception {
        browser.open(server.base + "/#/data");
        new Select(browser.find("#data-select")).selectByValue("images:fashion-mnist");
        browser.click("#data-load");
        browser.until(d -> browser.find("#view-images").getAttribute("hidden") == null);
        browser.until(d -> browser.all("#images-gallery canvas.grey-thumb").size() == 80);
        assertThat(browser.text("#images-gallery")).contains("T-shirt/top").contains("Ankle boot");
        // grey levels drawn: pixels strictly between white and black in the first images
        long grey = (Long) browser.js("""
                let n = 0;
                for (const c of [...document.querySelectorAll('#images-gallery canvas.grey-thumb')].slice(0, 8)) {
                  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  for (let i = 0; i < d.length; i += 4) if (d[i] > 0 && d[i] < 255) n++;
                }
                return n;""");
        assertThat(grey).isGreaterThan(500);
        browser.click("#images-next");
        browser.until(d -> browser.text("#images-page").startsWith("Page 2 of"));

        browser.find("#images-epochs").clear();
        browser.find("#images-epochs").sendKeys("2");
        new Select(browser.find("#images-count")).selectByValue("10000");
        browser.click("#images-start");
        browser.find("#images-bar");
        assertThat(browser.text("#images-progress-text")).doesNotContain("batch 0 of 0");
        browser.screenshot("images-progress");
        assertThat(browser.find("#images-cancel").isEnabled()).isTrue();
        browser.until(d -> !browser.all("#images-test-accuracy").isEmpty());
        assertThat(browser.text("#images-state")).startsWith("Finished in");
        assertThat(browser.all("#images-epochs-table tbody tr")).hasSize(2);
        String acc = browser.text("#images-test-accuracy");
        assertThat(acc).matches("Test accuracy after training: [0-9.]+ ?% of 10000 test images");
        assertThat(browser.all("#images-confusion tbody tr")).hasSize(10);
        // the loss was drawn live while it trained
        assertThat(browser.find("#images-loss").isDisplayed()).isTrue();
        assertThat(browser.all("#images-loss canvas")).isNotEmpty();
        assertThat(browser.consoleProblems()).isEmpty();
        browser.fullScreenshot("images-fashion-mnist");

        browser.click("#lang-toggle");
        browser.until(d -> browser.text("#h-images").contains("画像データ"));
        assertThat(browser.text("#images-gallery")).contains("アンクルブーツ");
        browser.driver.findElement(By.id("images-confusion"));
    }

    @Test
    void the_image_view_fits_a_phone_width_screen_after_a_run() throws Exception {
        try (Browser phone = new Browser(390, 844)) {
            phone.open(server.base + "/?phone=1#/images");
            phone.until(d -> phone.all("#images-gallery canvas.grey-thumb").size() == 80);
            new Select(phone.find("#images-count")).selectByValue("1000");
            phone.click("#images-start");
            phone.until(d -> !phone.all("#images-confusion").isEmpty());
            long overflow = (Long) phone.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).isLessThanOrEqualTo(0);
            phone.screenshot("phone-images");
        }
    }
}
