import type { TextEncoding } from "@opencjm/core";

// The most frequent Chinese characters, simplified and traditional forms together. Text decoded with the right
// encoding is full of them; Big5 bytes read as GB18030 (or the reverse) give rare characters instead.
const COMMON_HAN = new Set(
  Array.from(
    "的一是不了人我在有他这這为為之大来來以个個中上们們到说說国國和地也子时時道出而要于於就下得可你年生自会會那后後能对對着著事其里裡所去行过過家十用发發天如然作方成者多日都三小军軍二无無同么麼经經法当當起与與好看学學进進种種将將还還分此心前面又定见見只主没沒公从從业業本把性应應开開它合因由些现現实實加量两兩体體制机機使点點务務服客户戶品买買购購货貨送很快非常问問题題请請产產颜顏色价價格单單订訂支付款退换換运運费費包装裝破损損处處理希望尽盡谢謝店网網站页頁员員话話电電邮郵件短信息评評论論满滿意度价價钱錢质質商售后後咨諮询詢投诉訴建议議感觉覺喜欢歡推荐薦次再来來朋友",
  ),
);

const COMMON_PUNCTUATION = new Set(Array.from("«»–—“”‘’…،؛؟٪٫٬，。？！：；、（）《》「」『』·"));
const ARABIC_SCRIPT = /[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const CYRILLIC = /[\u0400-\u04FF]/u;
const LATIN_ACCENTED = /[\u00C0-\u024F]/u;
const RUSSIAN_VOWELS = /[аеёиоуыэюяАЕЁИОУЫЭЮЯ]/u;
// Russian, Ukrainian and Belarusian letters; the other Cyrillic letters in Windows-1251 (Ђ, Ѓ, Љ…) are rare.
const EAST_SLAVIC = /[А-яЁёІіЇїЄєҐґЎў]/u;

/**
 * How plausible `text` is as real writing in the script `encoding` is used for, from 0 (garbage) to 1. Text that is
 * all ASCII is plausible in every encoding (there is nothing to decide).
 */
export function scriptPlausibility(encoding: TextEncoding, text: string): number {
  if (text.includes("\uFFFD")) return 0;
  // Bytes read in the wrong code page turn into symbols (™ ¦ ± ˆ ‰); real writing has letters and a little punctuation.
  const nonAscii = Array.from(text).filter((ch) => ch.charCodeAt(0) > 0x7f);
  const symbols = nonAscii.filter((ch) => !/[\p{L}\p{M}\p{N}\s]/u.test(ch) && !COMMON_PUNCTUATION.has(ch)).length;
  if (symbols > nonAscii.length * 0.1) return 0;
  const letters = Array.from(text).filter((ch) => ch.charCodeAt(0) > 0x7f && /\p{L}/u.test(ch));
  if (letters.length === 0) return 1;
  switch (encoding) {
    case "gb18030":
    case "big5": {
      const han = letters.filter((ch) => /\p{Script=Han}/u.test(ch));
      if (han.length < letters.length * 0.8) return 0;
      return Math.min(1, (han.filter((ch) => COMMON_HAN.has(ch)).length / han.length) * 2.5);
    }
    case "windows-1251": {
      const cyrillic = letters.filter((ch) => CYRILLIC.test(ch));
      if (cyrillic.length < letters.length * 0.9) return 0;
      if (cyrillic.filter((ch) => EAST_SLAVIC.test(ch)).length < cyrillic.length * 0.9) return 0;
      // Persian or Chinese bytes read as cp1251 are Cyrillic letters too, but words without vowels and with
      // capitals in the middle; real Russian has a vowel in almost every word.
      const words = text.match(/[\u0400-\u04FF]{2,}/gu) ?? [];
      if (words.length === 0) return 0.5;
      const voweled = words.filter((w) => RUSSIAN_VOWELS.test(w) && !/[а-яё][А-ЯЁ]/u.test(w)).length;
      return voweled / words.length;
    }
    case "windows-1256": {
      const arabic = letters.filter((ch) => ARABIC_SCRIPT.test(ch)).length;
      const latin = letters.filter((ch) => LATIN_ACCENTED.test(ch)).length;
      return arabic / Math.max(1, arabic + latin * 3);
    }
    default:
      return 1;
  }
}
