import type { DemoMapSpec } from "./buildDemoMap.js";

/** Marcus's team rolls out the backup platform: a SaaS onboarding map in English. */
export const backupOnboardingMap: DemoMapSpec = {
  templateId: "saas-onboarding",
  locale: "en",
  title: "Rolling out the backup platform at Northwind",
  goal: "Get new mid-market customers to their first successful restore test within 14 days of signing.",
  scope: "From contract signature to the first renewal conversation; customer's IT team only.",
  status: "draft",
  tags: ["onboarding", "customer-success"],
  personas: ["marcus"],
  stages: [
    {
      name: "Sign-up",
      color: "#5b8def",
      steps: [
        {
          name: "Kick-off call",
          touchpoints: ["onboardingCall"],
          actions: ["Agrees on a 3-week rollout plan"],
          thoughts: ["Will this eat my team's sprint?"],
          kpis: [{ name: "Days from signature to kick-off", unit: "days", target: 3, actual: 6 }],
          emotions: { marcus: 1 },
        },
      ],
    },
    {
      name: "Setup",
      color: "#8e6cef",
      steps: [
        {
          name: "Installs agents",
          touchpoints: ["adminConsole", "helpCenter"],
          actions: ["Tom deploys agents to 140 servers"],
          pains: [
            {
              text: "Agent installer fails silently on older Windows servers",
              severity: 4,
              rootCause: "Missing .NET runtime check",
            },
          ],
          emotions: { marcus: -1 },
        },
        {
          name: "Configures SSO",
          parallel: true,
          touchpoints: ["adminConsole"],
          actions: ["Connects Azure AD"],
          emotions: { marcus: 0 },
        },
      ],
    },
    {
      name: "First value",
      color: "#f2a93b",
      steps: [
        {
          name: "First restore test",
          goal: true,
          touchpoints: ["adminConsole"],
          actions: ["Restores a test VM for the auditors"],
          quotes: [
            {
              text: "That was the first time a restore test didn't ruin my Saturday.",
              source: "QBR notes",
              participant: "Infrastructure lead",
            },
          ],
          kpis: [{ name: "Time to first restore test", unit: "days", target: 14, actual: 11 }],
          emotions: { marcus: 2 },
        },
      ],
    },
    {
      name: "Habit",
      color: "#e8684a",
      steps: [
        {
          name: "Weekly reports",
          touchpoints: ["orderEmail"],
          actions: ["Reads the Monday backup report"],
          pains: [{ text: "Report lists 300 warnings, 290 of them harmless", severity: 3 }],
          opportunities: ["Group warnings and show only what needs action"],
          emotions: { marcus: 0 },
        },
      ],
    },
    {
      name: "Renewal",
      color: "#3bb273",
      steps: [
        {
          name: "Renewal conversation",
          touchpoints: ["contract", "supportTicket"],
          actions: ["Reviews support tickets and the price increase"],
          risks: ["Price rise above 8% triggers a new tender"],
          emotions: { marcus: 1 },
        },
      ],
    },
  ],
};
