// Strings of the 结算单 (the bill at handover), 下次保养, the customer's 交车确认 and the
// printed handover copy (交车单).
const zhCN = {
  'bill.title': '结算',
} as const;

export type BillMessageKey = keyof typeof zhCN;

const en: Record<BillMessageKey, string> = {
  'bill.title': 'Bill',
};

export const BILL_MESSAGES = { 'zh-CN': zhCN as Record<BillMessageKey, string>, en } as const;
