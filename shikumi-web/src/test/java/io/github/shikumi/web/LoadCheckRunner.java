package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs the {@link LoadCheck} from Maven when asked ({@code -Dloadcheck=SECONDS}); skipped otherwise.
 * It reports figures and asserts only that no request failed: speed is reported, never asserted.
 */
class LoadCheckRunner {
    @Test
    @EnabledIfSystemProperty(named = "loadcheck", matches = "\\d+")
    void fifty_users_step_and_classify_without_errors() throws Exception {
        int seconds = Integer.parseInt(System.getProperty("loadcheck"));
        int users = Integer.getInteger("loadcheck.users", 50);
        String report = LoadCheck.report(users, seconds, 5);
        System.out.println("== Web load check ==\n" + report);
        assertThat(report).contains("errors: 0\n");
    }

    /** The classroom check (issue 14): {@code -Dclassroom=SECONDS}, {@code -Dclassroom.students=N} (default 60). */
    @Test
    @EnabledIfSystemProperty(named = "classroom", matches = "\\d+")
    void a_class_of_sixty_works_through_an_attack_without_errors() throws Exception {
        int seconds = Integer.parseInt(System.getProperty("classroom"));
        int students = Integer.getInteger("classroom.students", 60);
        String report = ClassroomCheck.report(students, seconds);
        System.out.println("== Classroom check ==\n" + report);
        assertThat(report).contains("errors: 0\n");
    }
}
