/** Languages the sentiment scorer knows; "und" when a text has no letters it can place. */
export const SENTIMENT_LANGUAGES = ["und", "en", "zh-Hans", "zh-Hant", "ru", "fa"] as const;
export type SentimentLanguage = (typeof SENTIMENT_LANGUAGES)[number];

// Common characters written differently in the two Chinese scripts (traditional, simplified), enough to tell a
// sentence's script apart; characters shared by both scripts say nothing either way.
const CHINESE_PAIRS =
  "們们這这個个來来說说時时會会為为對对還还點点體体開开關关門门問问題题專专業业務务員员機机發发現现實实產产見见長长東东車车買买賣卖貨货錢钱歡欢較较應应該该給给從从處处連连進进過过後后頭头難难覺觉謝谢錯错質质價价費费標标準准寶宝愛爱嗎吗氣气壞坏聽听讓让種种單单號号帳账戶户務务慢慢";

const traditional = new Set<string>();
const simplified = new Set<string>();
for (let i = 0; i + 1 < CHINESE_PAIRS.length; i += 2) {
  const t = CHINESE_PAIRS[i]!;
  const s = CHINESE_PAIRS[i + 1]!;
  if (t !== s) {
    traditional.add(t);
    simplified.add(s);
  }
}

/**
 * Guesses a text's language from its script: Han characters are Chinese (traditional when traditional-only characters
 * outnumber simplified-only ones), Cyrillic is Russian, Arabic script is Persian, Latin is English.
 */
export function detectTextLanguage(text: string): SentimentLanguage {
  let han = 0;
  let cyrillic = 0;
  let arabic = 0;
  let latin = 0;
  let trad = 0;
  let simp = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) {
      han++;
      if (traditional.has(ch)) trad++;
      else if (simplified.has(ch)) simp++;
    } else if (c >= 0x0400 && c <= 0x04ff) cyrillic++;
    else if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) arabic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
  }
  const best = Math.max(han, cyrillic, arabic, latin);
  if (best === 0) return "und";
  if (han === best) return trad > simp ? "zh-Hant" : "zh-Hans";
  if (cyrillic === best) return "ru";
  if (arabic === best) return "fa";
  return "en";
}
