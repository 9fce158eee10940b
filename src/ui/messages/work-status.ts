// Strings of where a car is after check-in (已接车 → 维修中 → 质检 → 待交车 → 已交车), the job
// list's status filter and the 72-hour follow-up calls (回访), in the wording of GLOSSARY.md.
const zhCN = {
  'status.in-repair': '维修中',
  'status.quality-check': '质检',
  'status.ready': '待交车',
  'status.delivered': '已交车',
} as const;

export type WorkStatusMessageKey = keyof typeof zhCN;

const en: Record<WorkStatusMessageKey, string> = {
  'status.in-repair': 'In repair',
  'status.quality-check': 'Quality check',
  'status.ready': 'Ready',
  'status.delivered': 'Delivered',
};

export const WORK_STATUS_MESSAGES = { 'zh-CN': zhCN as Record<WorkStatusMessageKey, string>, en } as const;
