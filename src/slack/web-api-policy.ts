import { setTimeout as delay } from "node:timers/promises";
import { ErrorCode } from "@slack/web-api";
import type { FetchFunction, RetryOptions, WebAPIRateLimitedError, WebClientOptions } from "@slack/web-api";

/**
 * Deadlines and retries for every call the app makes to Slack (Web API methods and response_url posts),
 * as @slack/web-api client options. Its defaults suit batch jobs, not a person waiting in a modal: no
 * request timeout, 10 retries over about 30 minutes, and a 429 pauses the client's whole request queue for
 * the Retry-After it names (one method's rate limit stalled another person's views.open by 7.7 s).
 *
 * - Each attempt has a deadline (`timeout`); a call whose first attempt already took the retry budget is
 *   not retried, so a call that never answers is abandoned after one deadline.
 * - Calls that spend a trigger id (views.open, views.push) get a shorter deadline: the id lives 3 seconds
 *   from when Slack sent it, and an answer after that is an `expired_trigger_id` anyway.
 * - `timeout` is the library's per-attempt deadline; `fetch` adds the shorter one for trigger ids, and
 *   Bolt sends response_url posts through it too, so they get a deadline as well.
 * - Quick failures (a 5xx, a dropped connection) are retried twice, briefly, within the retry budget.
 * - A 429 is handed to the caller at once (`rejectRateLimitedCalls`) instead of pausing the queue, so one
 *   method's limit never delays another's calls; an answer's post waits out a short one for itself
 *   (waitingOutShortRateLimit), and otherwise falls back to another channel (DM, response_url).
 */
export function webApiClientOptions(
  retries: RetryOptions = {},
): Pick<WebClientOptions, "timeout" | "retryConfig" | "rejectRateLimitedCalls" | "fetch"> {
  return {
    timeout: ATTEMPT_DEADLINE_MS,
    // An override (tests keep retries fast) keeps the retry budget unless it names its own.
    retryConfig: { ...INTERACTIVE_RETRIES, ...retries },
    rejectRateLimitedCalls: true,
    fetch: fetchWithDeadlines,
  };
}

/** Per attempt, for any call; Slack answers in well under a second when it is well. */
export const ATTEMPT_DEADLINE_MS = 3_000;
/** Per attempt, for calls that spend a trigger id. */
export const TRIGGER_DEADLINE_MS = 2_000;
/** After this, a failed attempt is not retried (checked when an attempt fails). */
export const RETRY_BUDGET_MS = 2_000;

const INTERACTIVE_RETRIES: RetryOptions = {
  retries: 2,
  factor: 2,
  minTimeout: 100,
  maxTimeout: 400,
  randomize: true,
  maxRetryTime: RETRY_BUDGET_MS,
};

const TRIGGER_METHODS = ["views.open", "views.push"];

// The client calls `fetch` with its own per-attempt signal (its `timeout`, ATTEMPT_DEADLINE_MS): that call
// passes as it is. A call that spends a trigger id gets the shorter deadline instead, which always fires
// first; Bolt's response_url posts come with no signal and get the attempt deadline. One timer per call, and
// no signal combined per call (AbortSignal.any), on the path of every views.open.
const fetchWithDeadlines: FetchFunction = (url, init = {}) => {
  const href = String(url);
  if (TRIGGER_METHODS.some((method) => href.endsWith(`/${method}`))) {
    return fetch(url, { ...init, signal: AbortSignal.timeout(TRIGGER_DEADLINE_MS) });
  }
  if (init.signal !== undefined && init.signal !== null) return fetch(url, init);
  return fetch(url, { ...init, signal: AbortSignal.timeout(ATTEMPT_DEADLINE_MS) });
};

/** The longest Retry-After a background post waits out (the person still hears within 10 seconds). */
export const RATE_LIMIT_WAIT_MAX_S = 5;

/**
 * Runs a call that nobody is waiting on in a modal (posting an answer); a 429 with a Retry-After of at most
 * RATE_LIMIT_WAIT_MAX_S is waited out once for this call alone, as the client would, but without pausing
 * its queue for everyone else. A longer one, or a second 429, goes to the caller's fallback.
 */
export async function waitingOutShortRateLimit<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const retryAfter = (error as Partial<WebAPIRateLimitedError>).retryAfter;
    const rateLimited = (error as Partial<WebAPIRateLimitedError>).code === ErrorCode.RateLimitedError;
    if (!rateLimited || retryAfter === undefined || retryAfter > RATE_LIMIT_WAIT_MAX_S) throw error;
    await delay(retryAfter * 1000);
    return call();
  }
}
