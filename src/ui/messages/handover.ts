// Strings of 质检 (the quality check) and 交车 (the handover at the car against the check-in
// record: damage marks, mileage and fuel, covers, belongings, 旧件).
const zhCN = {
  'handover.title': '交车',
} as const;

export type HandoverMessageKey = keyof typeof zhCN;

const en: Record<HandoverMessageKey, string> = {
  'handover.title': 'Handover',
};

export const HANDOVER_MESSAGES = { 'zh-CN': zhCN as Record<HandoverMessageKey, string>, en } as const;
