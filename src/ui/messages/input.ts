// Strings of what the check-in form says about typed input: full-width characters turned
// half-width, and the phone numbers of other kinds (Hong Kong, Macau, a landline's own digits).
const zhCN = {
  'input.halfWidth': '已将全角字符转为半角',
  'phone.wrong-kind': '8 位号码不是内地手机号：港澳手机请在前面加 +852（香港）或 +853（澳门），固定电话请加区号',
  'phone.hk-mo': '港澳手机号为 +852 或 +853 后接 8 位数字（香港以 4–9 开头，澳门以 6 开头）',
} as const;

export type InputMessageKey = keyof typeof zhCN;

const en: Record<InputMessageKey, string> = {
  'input.halfWidth': 'Full-width characters were changed to half-width',
  'phone.wrong-kind':
    'An 8-digit number is no mainland mobile: for Hong Kong or Macau add +852 or +853 in front, for a landline add the area code',
  'phone.hk-mo': 'A Hong Kong or Macau mobile is +852 or +853 and 8 digits (Hong Kong starts with 4–9, Macau with 6)',
};

export const INPUT_MESSAGES = { 'zh-CN': zhCN, en } as const;
