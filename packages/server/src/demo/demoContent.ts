import { backupPurchaseMap } from "./demoMapBackup.js";
import { babyFoodMap } from "./demoMapBaby.js";
import { backupOnboardingMap } from "./demoMapOnboarding.js";
import { shoesMap } from "./demoMapShoes.js";
import type { DemoMapSpec } from "./buildDemoMap.js";

export { DEMO_PERSONAS, DEMO_TOUCHPOINTS } from "./demoPersonas.js";

/** The demo workspace's maps, each from a different template; one in Simplified Chinese. */
export const DEMO_MAPS: readonly DemoMapSpec[] = [shoesMap, backupPurchaseMap, babyFoodMap, backupOnboardingMap];
