import type { SentimentBucket } from "@opencjm/core";

/** The bucket a sentiment score falls in, with the contract's thresholds (negative below −0.05, positive above 0.05). */
export function sentimentBucket(score: number): SentimentBucket {
  return score < -0.05 ? "negative" : score > 0.05 ? "positive" : "neutral";
}
