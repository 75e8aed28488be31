package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a refusal: the status, a one-line JSON {@code {"error": "..."}}, and what the message names. */
final class Refused {
    private Refused() {
    }

    static void check(TestServer.Response r, int status, String... fragments) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("content-type")).startsWith("application/json");
        assertThat(r.json().size()).as(r.body()).isEqualTo(1);
        String error = r.error();
        assertThat(error).as(r.body()).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
        for (String f : fragments) {
            assertThat(error).contains(f);
        }
    }
}
