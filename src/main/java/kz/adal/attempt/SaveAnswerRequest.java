package kz.adal.attempt;

import java.time.Instant;
import java.util.List;

/**
 * One answer change from the browser.
 *
 * @param selected display places chosen (empty = cleared)
 * @param marked   marked for later
 * @param seq      the browser's sequence number for this attempt, increasing with every change; the
 *                 server keeps, per question, the change with the highest seq (never the last to arrive)
 * @param clientAt the browser's clock when the change was made: recorded, never trusted
 * @param baseSeq  the seq of the answer the page showed for this question when the change was made
 *                 (its own unsent change, or what the server last said). When the server holds a
 *                 newer answer than that — another tab or device changed it meanwhile — the change is
 *                 not applied and the page is told what is stored. Absent: no such check (API clients).
 */
public record SaveAnswerRequest(List<Integer> selected, Boolean marked, Long seq, Instant clientAt, Long baseSeq) {
}
