import type { DemoMapSpec } from "./buildDemoMap.js";

/** Lena buys running shoes online: an e-commerce current-state map in English. */
export const shoesMap: DemoMapSpec = {
  templateId: "ecommerce",
  locale: "en",
  title: "Lena buys running shoes online",
  goal: "Find out why 68% of mobile carts with running shoes are abandoned, and fix the three worst moments.",
  scope:
    "Mobile web and app, Germany, from the first ad to the first run in the new shoes. Excludes in-store purchases.",
  status: "published",
  tags: ["checkout", "mobile", "2026-Q4"],
  personas: ["lena"],
  // The data lane right under the touchpoints: the demo's customer data fills it (seedDemoEvidence).
  lanes: ["actions", "touchpoints", "data", "thoughts", "emotion", "painPoints", "opportunities", "quotes", "duration"],
  stages: [
    {
      name: "Discover",
      color: "#5b8def",
      steps: [
        {
          name: "Sees a spring-race ad",
          actions: ["Scrolls Instagram on the tram", "Taps the story ad"],
          touchpoints: ["instagramAd"],
          thoughts: ["My old shoes have 900 km on them — time for new ones?"],
          emotions: { lena: 1 },
          minutes: 1,
        },
        {
          name: "Searches for reviews",
          parallel: true,
          actions: ["Googles '[model] review half marathon'"],
          touchpoints: ["searchAd"],
          quotes: [
            {
              text: "I never buy shoes from an ad. I want to see what real runners say first.",
              source: "Interview, 12 Sep",
              participant: "P4 (runner, 34)",
            },
          ],
          emotions: { lena: 1 },
          minutes: 8,
        },
      ],
    },
    {
      name: "Browse",
      color: "#8e6cef",
      steps: [
        {
          name: "Compares three models",
          actions: ["Opens three product pages in tabs", "Reads the 1-star reviews first"],
          touchpoints: ["productPage"],
          thoughts: ["Which one is for wide feet?"],
          expectations: ["Filters for width and drop"],
          emotions: { lena: 0 },
          minutes: 15,
        },
        {
          name: "Checks her size",
          actions: ["Opens the size guide", "Measures her foot with a ruler"],
          touchpoints: ["sizeGuide"],
          pains: [
            {
              text: "Size guide uses US sizes only; she wears EU 39.5",
              severity: 4,
              rootCause: "The guide is a supplier PDF that was never localised",
              whys: [
                "Why US sizes? The supplier sends US charts",
                "Why not converted? No owner for size content",
                "Why no owner? Content sits between buying and e-commerce teams",
              ],
            },
          ],
          quotes: [
            {
              text: "Half sizes are a lottery. I'll just order two and send one back.",
              source: "Session recording #2291",
              participant: "Mobile visitor",
            },
          ],
          opportunities: ["Show EU/UK/US sizes side by side and 'fits like' advice from reviews"],
          emotions: { lena: -1 },
          minutes: 6,
        },
      ],
    },
    {
      name: "Checkout",
      color: "#f2a93b",
      steps: [
        {
          name: "Adds to cart",
          actions: ["Adds size 39.5 and 40 to the cart"],
          touchpoints: ["cart"],
          emotions: { lena: 0 },
          minutes: 1,
        },
        {
          name: "Pays",
          // The purchase: delivery tracking, parcel-shop pick-up, returns and reviews follow it, and not everyone needs them.
          goal: true,
          actions: ["Is asked to create an account", "Enters her address twice", "Pays with PayPal"],
          touchpoints: ["checkout"],
          pains: [
            {
              text: "Delivery cost (€4.95) only appears on the last screen",
              severity: 5,
              rootCause: "Shipping is computed after address entry",
              whys: ["Why so late? The carrier API needs the postcode", "Why not estimate? Nobody owns the estimate"],
            },
            { text: "Forced account creation", severity: 4 },
          ],
          quotes: [
            { text: "Five euros for shipping? Now you tell me.", source: "Usability test, task 3", participant: "P7" },
          ],
          opportunities: ["Show delivery cost and date on the product page", "Guest checkout with PayPal Express"],
          emotions: { lena: -2 },
          minutes: 7,
        },
      ],
    },
    {
      name: "Delivery",
      color: "#e8684a",
      steps: [
        {
          name: "Gets the confirmation",
          actions: ["Reads the order e-mail"],
          touchpoints: ["orderEmail"],
          thoughts: ["When exactly will it arrive?"],
          emotions: { lena: 0 },
        },
        {
          name: "Tracks the parcel",
          actions: ["Opens the tracking link three times"],
          touchpoints: ["trackingPage"],
          pains: [{ text: "Tracking shows 'label created' for two days", severity: 3 }],
          emotions: { lena: -1 },
        },
        {
          name: "Picks up at the parcel shop",
          actions: ["Collects the parcel after work"],
          touchpoints: ["parcelShop"],
          emotions: { lena: 1 },
          minutes: 20,
        },
      ],
    },
    {
      name: "After purchase",
      color: "#3bb273",
      steps: [
        {
          name: "Returns one pair",
          actions: ["Prints the return label at the parcel shop"],
          touchpoints: ["returns"],
          quotes: [
            {
              text: "Returning was the easiest part, honestly.",
              source: "NPS comment",
              participant: "Customer #58213",
            },
          ],
          emotions: { lena: 1 },
        },
        {
          name: "Writes a review",
          actions: ["Rates the shoes 5 stars after the first long run"],
          touchpoints: ["reviewRequest"],
          opportunities: ["Ask for the size she kept to improve fit advice"],
          emotions: { lena: 2 },
        },
      ],
    },
  ],
};
