import type { LaneType } from "@opencjm/core";

// Lane names in files from other tools are free text, in any of our languages. The order matters: a curve is the
// emotion lane whatever else the name says; then thoughts, because "Thoughts & Feelings" (想法与感受, «Мысли и
// чувства», افکار و احساسات) holds what the customer thinks and feels in words, not points on the curve.
const LANE_WORDS: Array<[LaneType, RegExp]> = [
  ["emotion", /curve|кривая|曲线|曲線|منحنی/i],
  [
    "thoughts",
    /thought|feeling|\bfeels?\b|think|question|\bmind|想法|感受|感觉|感覺|思考|疑问|疑問|мысл|чувств|ощущени|вопрос|فکر|افکار|احساس|پرسش/i,
  ],
  ["emotion", /emotion|sentiment|mood|health|satisfaction|情绪|情緒|心情|эмоци|настроени|هیجان/i],
  [
    "painPoints",
    /pain|issue|roadblock|blocker|problem|frustrat|barrier|friction|痛点|痛點|问题|問題|боль|проблем|барьер|مشکل|درد/i,
  ],
  ["opportunities", /opportunit|idea|improvement|机会|機會|改进|改進|возможност|иде[яи]|فرصت|ایده/i],
  ["touchpoints", /touchpoint|channel|tool|device|platform|触点|觸點|渠道|通路|точк|канал|نقطه|کانال/i],
  ["quotes", /quote|verbatim|says|引言|引述|цитат|نقل/i],
  ["frontstage", /frontstage|onstage|前台|前臺/i],
  ["backstage", /backstage|后台|後臺|后端/i],
  ["actions", /action|activit|interaction|journey|doing|task|step|行动|行動|行为|行為|действи|шаг|اقدام|کار/i],
];

/** Our lane type for a lane named in another tool's file (text when nothing fits). */
export function laneTypeForName(name: string): LaneType {
  return LANE_WORDS.find(([, re]) => re.test(name))?.[0] ?? "text";
}
