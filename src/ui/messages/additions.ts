// Strings of 追加项目 (additional work found after check-in), the customer's line-by-line
// decision on the tablet or by phone (电话确认), and the 建议项目表 of declined work.
const zhCN = {
  'addition.title': '追加项目',
} as const;

export type AdditionMessageKey = keyof typeof zhCN;

const en: Record<AdditionMessageKey, string> = {
  'addition.title': 'Additional work',
};

export const ADDITION_MESSAGES = { 'zh-CN': zhCN as Record<AdditionMessageKey, string>, en } as const;
