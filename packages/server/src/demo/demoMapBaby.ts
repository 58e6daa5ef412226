import type { DemoMapSpec } from "./buildDemoMap.js";

/** 王芳 buys baby food in a shopping app: an awareness-to-advocacy map in Simplified Chinese. */
export const babyFoodMap: DemoMapSpec = {
  templateId: "awareness-to-advocacy",
  locale: "zh-Hans",
  title: "王芳在 App 上为宝宝购买辅食",
  goal: "找出新手妈妈首次购买辅食时流失的原因，把首单转化率从 18% 提升到 25%。",
  scope: "上海、北京的 App 用户；从第一次听说到复购与推荐。不含线下门店。",
  status: "published",
  tags: ["母婴", "首单转化"],
  personas: ["wangfang"],
  stages: [
    {
      name: "认知",
      color: "#5b8def",
      steps: [
        {
          name: "在小红书看到测评",
          actions: ["晚上哄睡后刷小红书", "收藏了一篇辅食测评笔记"],
          touchpoints: ["xiaohongshu"],
          thoughts: ["6 个月的宝宝该吃哪种米粉？"],
          emotions: { wangfang: 1 },
        },
      ],
    },
    {
      name: "考虑",
      color: "#8e6cef",
      steps: [
        {
          name: "在妈妈群里问推荐",
          actions: ["把截图发到小区妈妈群"],
          touchpoints: ["wechatGroup"],
          quotes: [
            {
              text: "群里三个妈妈都说这个牌子不上火，我就放心了。",
              source: "用户访谈，10 月 8 日",
              participant: "受访者 W3",
            },
          ],
          emotions: { wangfang: 1 },
        },
        {
          name: "在 App 比较商品",
          parallel: true,
          actions: ["对比三款米粉的配料表和月龄"],
          touchpoints: ["appHome"],
          pains: [
            {
              text: "商品页看不到生产日期和保质期",
              severity: 4,
              rootCause: "商品信息由商家自行填写，没有必填项",
              whys: ["为什么没有生产日期？商家没有填写", "为什么可以不填？类目模板里不是必填项"],
            },
          ],
          expectations: ["能看到批次和保质期"],
          emotions: { wangfang: -1 },
        },
      ],
    },
    {
      name: "决策",
      color: "#f2a93b",
      steps: [
        {
          name: "计算优惠",
          actions: ["领券、凑满减，反复切换页面"],
          touchpoints: ["appCheckout"],
          pains: [{ text: "满减、跨店券、会员价叠加规则看不懂", severity: 5, rootCause: "三个团队各自配置促销" }],
          quotes: [{ text: "算了二十分钟，最后也不知道到底便宜了多少。", source: "可用性测试", participant: "P2" }],
          opportunities: ["结算页直接显示「已为你省 ¥xx」和最优组合"],
          emotions: { wangfang: -2 },
        },
      ],
    },
    {
      name: "购买",
      color: "#e8684a",
      steps: [
        {
          name: "下单支付",
          goal: true,
          actions: ["用微信支付完成付款"],
          touchpoints: ["appCheckout"],
          emotions: { wangfang: 0 },
        },
        {
          name: "收货",
          actions: ["第二天上午收到快递", "检查生产日期"],
          touchpoints: ["courier"],
          emotions: { wangfang: 1 },
        },
      ],
    },
    {
      name: "留存",
      color: "#3bb273",
      steps: [
        {
          name: "咨询客服",
          actions: ["询问开封后能保存多久"],
          touchpoints: ["customerService"],
          pains: [{ text: "客服 15 分钟后才回复", severity: 3 }],
          opportunities: ["常见辅食问题由商品页直接回答"],
          emotions: { wangfang: -1 },
        },
      ],
    },
    {
      name: "推荐",
      color: "#2bb3c0",
      steps: [
        {
          name: "在群里分享",
          actions: ["把宝宝吃米粉的照片发到妈妈群", "晒单获得积分"],
          touchpoints: ["wechatGroup"],
          quotes: [{ text: "宝宝很爱吃，已经回购第三罐了！", source: "商品评价", participant: "用户 m***8" }],
          emotions: { wangfang: 2 },
        },
      ],
    },
  ],
};
