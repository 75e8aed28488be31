package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompareSweepHelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"compare", "sweep"})
    void help_describes_every_option_in_english_and_japanese(String command) {
        CliRun e = CliRun.of(command, "--help", "--lang", "en");
        CliRun j = CliRun.of(command, "--help", "--lang", "ja");
        assertThat(e.exit()).isEqualTo(0);
        assertThat(j.exit()).isEqualTo(0);
        assertThat(e.out()).contains("Usage:", "--chart", "--eta");
        assertThat(j.out()).contains("使い方:", "--chart", "グラフ");
        assertThat(e.out()).doesNotContainPattern("\n\\s+--[a-z-]+(=\\S+)?\\s*\n");
        assertThat(j.out()).doesNotContainPattern("\n\\s+--[a-z-]+(=\\S+)?\\s*\n");
    }
}
