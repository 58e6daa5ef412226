import type { DemoMapSpec } from "./buildDemoMap.js";

/** Marcus's committee buys a backup platform: a B2B purchase map in English. */
export const backupPurchaseMap: DemoMapSpec = {
  templateId: "b2b-buying-committee",
  locale: "en",
  title: "Northwind Logistics chooses a backup platform",
  goal: "Shorten the sales cycle for mid-market IT buyers from 7 to 4 months without losing win rate.",
  scope: "Companies with 500–2,000 employees in the Benelux; from the first internal trigger to the signed contract.",
  status: "draft",
  tags: ["b2b", "sales-cycle"],
  personas: ["marcus"],
  stages: [
    {
      name: "Problem identification",
      color: "#5b8def",
      steps: [
        {
          name: "Warehouse outage",
          actions: ["Ransomware hits a file server; restore takes 3 days"],
          stakeholders: [{ name: "Ahmed Yilmaz", role: "Initiator — operations manager" }],
          thoughts: ["We cannot survive another week like this."],
          quotes: [
            {
              text: "We shipped nothing for two days. The board asked me why, and I had no good answer.",
              source: "Win/loss interview",
              participant: "IT director, logistics",
            },
          ],
          emotions: { marcus: -2 },
        },
        {
          name: "Budget request",
          actions: ["Writes a one-page business case for the CFO"],
          stakeholders: [{ name: "Sanne de Vries", role: "Buyer — CFO" }],
          risks: ["Budget frozen until the next cycle"],
          emotions: { marcus: -1 },
        },
      ],
    },
    {
      name: "Solution exploration",
      color: "#8e6cef",
      steps: [
        {
          name: "Asks peers",
          actions: ["Posts in his peer Slack community"],
          touchpoints: ["peerGroup"],
          quotes: [
            {
              text: "Ask them for a restore demo, not a backup demo.",
              source: "Slack thread (shared with permission)",
              participant: "Peer CIO",
            },
          ],
          emotions: { marcus: 0 },
        },
        {
          name: "Reads analyst report",
          parallel: true,
          touchpoints: ["analystReport"],
          actions: ["Builds a long list of seven vendors"],
          pains: [
            {
              text: "No public prices: four vendors say 'contact sales'",
              severity: 3,
              rootCause: "Pricing is negotiated per deal",
            },
          ],
          emotions: { marcus: -1 },
        },
      ],
    },
    {
      name: "Requirements and evaluation",
      color: "#f2a93b",
      steps: [
        {
          name: "Demo call",
          touchpoints: ["demoCall"],
          actions: ["Sits through a 40-slide deck before the demo"],
          pains: [
            {
              text: "Demo starts with company history instead of his restore scenario",
              severity: 4,
              rootCause: "Reps follow one standard deck",
              whys: [
                "Why one deck? Discovery notes don't reach the presenter",
                "Why? CRM has no field for the customer's scenario",
              ],
            },
          ],
          opportunities: ["Send a 5-minute restore video before the call"],
          emotions: { marcus: -1 },
        },
        {
          name: "Pilot",
          touchpoints: ["pilot"],
          actions: ["Tom restores a 2 TB VM in 38 minutes"],
          stakeholders: [{ name: "Tom Bakker", role: "User — infrastructure lead" }],
          kpis: [{ name: "Restore time, 2 TB VM", unit: "min", target: 60, actual: 38 }],
          emotions: { marcus: 2 },
        },
        {
          name: "Security review",
          parallel: true,
          touchpoints: ["securityReview"],
          actions: ["Priya sends a 180-question questionnaire"],
          stakeholders: [{ name: "Priya Nair", role: "Gatekeeper — security officer" }],
          pains: [{ text: "Vendor takes 3 weeks to answer the questionnaire", severity: 4 }],
          risks: ["Deal stalls if data residency answer is vague"],
          emotions: { marcus: -1 },
        },
      ],
    },
    {
      name: "Decision and purchase",
      color: "#e8684a",
      steps: [
        {
          name: "Committee decides",
          actions: ["Presents pilot results to the committee"],
          stakeholders: [
            { name: "Marcus Okafor", role: "Decider" },
            { name: "Sanne de Vries", role: "Buyer" },
          ],
          quotes: [
            {
              text: "The pilot numbers sold it. Nobody argued with 38 minutes.",
              source: "Win/loss interview",
              participant: "IT director",
            },
          ],
          emotions: { marcus: 1 },
        },
        {
          name: "Procurement signs",
          goal: true,
          touchpoints: ["contract"],
          actions: ["Procurement asks for a new vendor form and a 90-day payment term"],
          pains: [{ text: "Contract redlines go back and forth for five weeks", severity: 3 }],
          emotions: { marcus: 0 },
        },
      ],
    },
  ],
};
