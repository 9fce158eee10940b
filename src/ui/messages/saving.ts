// Strings of the saved indicator in the card's header: typed but not yet written to the
// tablet, being written, written (save.saved and save.saving are the app's own, in messages.ts).
const zhCN = {
  'save.pending': '尚未保存…',
} as const;

export type SavingMessageKey = keyof typeof zhCN;

const en: Record<SavingMessageKey, string> = {
  'save.pending': 'Not saved yet…',
};

export const SAVING_MESSAGES = { 'zh-CN': zhCN as Record<SavingMessageKey, string>, en } as const;
