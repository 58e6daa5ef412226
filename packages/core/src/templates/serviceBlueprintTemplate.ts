import { L } from "./localized.js";
import type { TemplateDefinition } from "./templateDefinition.js";

/** A service blueprint: customer actions over frontstage, backstage and support processes. */
export const serviceBlueprint: TemplateDefinition = {
  id: "service-blueprint",
  mapType: "serviceBlueprint",
  name: L("Service blueprint", "服務藍圖", "服务蓝图", "Сервисный блюпринт", "نقشه طراحی خدمت"),
  description: L(
    "What the customer does, what staff do in front and behind the scenes, and the systems that support them.",
    "顧客的行動、員工在台前與幕後的工作，以及支撐這一切的系統。",
    "顾客的行动、员工在台前与幕后的工作，以及支撑这一切的系统。",
    "Что делает клиент, что делают сотрудники на виду и за кулисами, и какие системы их поддерживают.",
    "آنچه مشتری انجام می‌دهد، آنچه کارکنان پیش و پشت صحنه انجام می‌دهند و سامانه‌هایی که از آن‌ها پشتیبانی می‌کنند.",
  ),
  lanes: ["touchpoints", "actions", "frontstage", "backstage", "support", "duration", "painPoints"],
  stages: [
    {
      name: L("Request", "提出需求", "提出需求", "Обращение", "درخواست"),
      color: "#5b8def",
      steps: [{ name: L("Books an appointment", "預約", "预约", "Записывается на приём", "نوبت می‌گیرد") }],
    },
    {
      name: L("Service", "服務", "服务", "Обслуживание", "ارائه خدمت"),
      color: "#f2a93b",
      steps: [
        {
          name: L(
            "Arrives and checks in",
            "抵達並報到",
            "到达并签到",
            "Приходит и регистрируется",
            "می‌رسد و پذیرش می‌شود",
          ),
          cards: [
            {
              lane: "frontstage",
              text: L(
                "Receptionist looks up the booking",
                "櫃台人員查詢預約",
                "前台人员查询预约",
                "Администратор ищет запись",
                "پذیرش نوبت را پیدا می‌کند",
              ),
              card: (text) => ({ kind: "process", text, actor: "", failurePoint: false, waitPoint: true }),
            },
          ],
        },
        {
          name: L("Receives the service", "接受服務", "接受服务", "Получает услугу", "خدمت را دریافت می‌کند"),
          cards: [
            {
              lane: "backstage",
              text: L(
                "Specialist prepares the case file",
                "專員準備案件資料",
                "专员准备案件资料",
                "Специалист готовит карточку клиента",
                "کارشناس پرونده را آماده می‌کند",
              ),
              card: (text) => ({ kind: "process", text, actor: "", failurePoint: true, waitPoint: false }),
            },
          ],
        },
      ],
    },
    {
      name: L("Follow-up", "後續", "后续", "Сопровождение", "پیگیری"),
      color: "#3bb273",
      steps: [
        {
          name: L(
            "Pays and leaves feedback",
            "付款並留下回饋",
            "付款并留下反馈",
            "Оплачивает и оставляет отзыв",
            "پرداخت می‌کند و بازخورد می‌دهد",
          ),
          goal: true,
        },
      ],
    },
  ],
};
