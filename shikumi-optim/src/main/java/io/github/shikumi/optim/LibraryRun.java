package io.github.shikumi.optim;

import io.github.shikumi.train.OptimizationResult;

/**
 * A library optimiser's run: the result in core's terms, next to what the library itself reported, so
 * the two can be checked against each other.
 *
 * @param result             the result as core's {@code Optimizer} reports it
 * @param stop               why the run stopped
 * @param libraryIterations  the library optimiser's own iteration counter ({@code getIterations()})
 * @param libraryEvaluations the library optimiser's own evaluation counter ({@code getEvaluations()}):
 *                           the calls of the objective's value it made (gradient calls are not included)
 * @param libraryPoint       the point the library returned, or null when it ended with an error
 * @param libraryValue       the value the library returned with it (NaN when none)
 * @param libraryMessage     the library's message when {@code stop} is {@link StopReason#LIBRARY_STOPPED}, else null
 */
public record LibraryRun(OptimizationResult result, StopReason stop, int libraryIterations, int libraryEvaluations,
                         double[] libraryPoint, double libraryValue, String libraryMessage) {
}
