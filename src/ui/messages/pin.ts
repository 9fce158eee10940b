// Strings of the PIN pieces every screen shares (src/ui/pin): setting a PIN, typing one on the
// pad, and the pause after wrong tries. Customer mode and the lock screen word their titles.
const zhCN = {
  'pin.new': '新 PIN（4–8 位数字）',
  'pin.repeat': '再次输入 PIN',
  'pin.mismatch': '两次输入的 PIN 不一致',
  'pin.format': '4–8 位数字',
  'pin.weak': '太简单：请不要使用重复或连续的数字',
  'pin.cancel': '取消',
  'pin.unlock': '解锁',
  'pin.wrong': 'PIN 不正确',
  'pin.wait': '错误次数过多，请 {seconds} 秒后再试',
  'pin.failed': 'PIN 未保存：{reason}',
  'pin.pad': '数字键盘',
  'pin.clear': '清空',
  'pin.backspace': '删除一位',
} as const;

export type PinMessageKey = keyof typeof zhCN;

const en: Record<PinMessageKey, string> = {
  'pin.new': 'New PIN (4–8 digits)',
  'pin.repeat': 'Repeat the PIN',
  'pin.mismatch': 'The two PINs differ',
  'pin.format': '4–8 digits',
  'pin.weak': 'Too easy: avoid repeated or consecutive digits',
  'pin.cancel': 'Cancel',
  'pin.unlock': 'Unlock',
  'pin.wrong': 'Wrong PIN',
  'pin.wait': 'Too many wrong PINs: try again in {seconds} s',
  'pin.failed': 'PIN not saved: {reason}',
  'pin.pad': 'Number pad',
  'pin.clear': 'Clear',
  'pin.backspace': 'Delete last digit',
};

export const PIN_MESSAGES = { 'zh-CN': zhCN as Record<PinMessageKey, string>, en } as const;
