import type { Card } from "@opencjm/core";
import type { CardView, CardViews } from "./CardView.js";
import { channelCardView } from "./lanes/channel/ChannelCard.js";
import { dataCardView } from "./lanes/data/DataCard.js";
import { durationCardView } from "./lanes/duration/DurationCard.js";
import { imageCardView } from "./lanes/image/ImageCard.js";
import { kpiCardView } from "./lanes/kpi/KpiCard.js";
import { linkCardView } from "./lanes/link/LinkCard.js";
import { momentCardView } from "./lanes/moment/MomentCard.js";
import { opportunityCardView } from "./lanes/opportunity/OpportunityCard.js";
import { painPointCardView } from "./lanes/painPoint/PainPointCard.js";
import { processCardView } from "./lanes/process/ProcessCard.js";
import { quoteCardView } from "./lanes/quote/QuoteCard.js";
import { riskCardView } from "./lanes/risk/RiskCard.js";
import { stakeholderCardView } from "./lanes/stakeholder/StakeholderCard.js";
import { textCardView } from "./lanes/text/TextCard.js";
import { thoughtCardView } from "./lanes/thought/ThoughtCard.js";
import { touchpointCardView } from "./lanes/touchpoint/TouchpointCard.js";

/** How every card kind looks and is edited. */
export const CARD_VIEWS: CardViews = {
  text: textCardView("text"),
  action: textCardView("action"),
  expectation: textCardView("expectation"),
  thought: thoughtCardView,
  touchpoint: touchpointCardView,
  channel: channelCardView,
  quote: quoteCardView,
  painPoint: painPointCardView,
  opportunity: opportunityCardView,
  kpi: kpiCardView,
  stakeholder: stakeholderCardView,
  risk: riskCardView,
  momentOfTruth: momentCardView,
  duration: durationCardView,
  process: processCardView,
  image: imageCardView,
  link: linkCardView,
  data: dataCardView,
};

/** The view of a card's kind, typed for any card (each view only ever receives cards of its own kind). */
export function viewOf(kind: Card["kind"]): CardView<Card> {
  return CARD_VIEWS[kind] as unknown as CardView<Card>;
}
