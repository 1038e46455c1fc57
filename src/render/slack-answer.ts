import type { Advice } from "../advice/advice.js";
import type { Requirements } from "../vocabulary/index.js";
import type { Knowledge } from "../knowledge/index.js";
import { splitSection } from "./advice.js";
import { renderTemplate } from "./environment.js";
import { withShownSources } from "./sources.js";

/** Slack's section text limit: 3,000 characters. */
const SECTION_LIMIT = 3000;
/** How many caveats the first screen shows; the rest are under "Show details". */
const FIRST_SCREEN_CAVEATS = 2;

/** The detail parts behind "Show details", in reading order. */
const DETAIL_PARTS = ["why", "path", "why-not", "what-would-change", "cost", "next-steps"] as const;

export interface SlackAnswer {
  /** The recommendation, its monthly cost and whether it fits (mrkdwn, one section). */
  headline: string;
  /** The caveats that matter most, or null when there are none. */
  caveats: string | null;
  /** The rest, each at most 3,000 characters: one section each. */
  details: string[];
}

/**
 * The answer as Slack reads it on a phone: the first screen (headline, the first caveats) and the details
 * for a thread reply. Sources show as links titled with the page's title; a source that is not a public
 * page is left out.
 */
export function renderSlackAnswer(
  advice: Advice,
  requirements: Requirements,
  knowledge: Knowledge,
): SlackAnswer {
  const context = slackContext(advice, requirements, knowledge);
  const part = (name: string) => renderTemplate(`partials/slack-answer-${name}`, context, "slack").trim();
  const caveats = part("caveats");
  return {
    headline: part("headline"),
    caveats: caveats === "" ? null : caveats,
    details: DETAIL_PARTS.flatMap((name) => splitSection(part(name), SECTION_LIMIT)),
  };
}

function slackContext(advice: Advice, requirements: Requirements, knowledge: Knowledge): object {
  // Absent from decisions saved before the advice said what would change it.
  const changes = advice.whatWouldChange ?? [];
  const questions = new Map(knowledge.questionnaire.questions.map((question) => [question.field, question]));
  const options = knowledge.options.options as Record<string, { title: string } | undefined>;
  return {
    ...withShownSources(advice),
    requirements: { ...requirements, service: requirements.service ?? null },
    topCaveats: advice.caveats.slice(0, FIRST_SCREEN_CAVEATS),
    moreCaveats: Math.max(0, advice.caveats.length - FIRST_SCREEN_CAVEATS),
    changes: changes.map((change) => {
      const question = questions.get(change.field);
      const choiceLabel = (value: unknown) =>
        question?.choices?.find((choice) => choice.value === value)?.label ?? value;
      return {
        question: question?.label ?? change.field,
        from: choiceLabel(change.from),
        to: choiceLabel(change.to),
        option: options[change.option]?.title ?? change.option,
        monthlyCostDeltaUsd: change.monthlyCostDeltaUsd,
        cheaper: change.monthlyCostDeltaUsd < 0,
        deltaUsd: Math.abs(change.monthlyCostDeltaUsd),
      };
    }),
  };
}
