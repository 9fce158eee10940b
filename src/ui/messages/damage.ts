// Strings of the damage choice (type and severity in one tap) and of what is flagged before the
// customer signs (a severity nobody chose, empty estimate terms), in the wording of GLOSSARY.md.
const zhCN = {
  'severity.unset': '未选程度',
  'damage.choose': '选择损伤类型和程度',
  'damage.choose.camera': '点选即保存，并打开相机拍照（不拍可取消）',
  'damage.choice': '{type} · {severity}',
  'damage.severityUnset': '程度未选，请点选',
  'damage.severityUnset.count': '{count} 处损伤未选程度',
} as const;

export type DamageMessageKey = keyof typeof zhCN;

const en: Record<DamageMessageKey, string> = {
  'severity.unset': 'severity not chosen',
  'damage.choose': 'Choose the damage type and severity',
  'damage.choose.camera': 'One tap saves it and opens the camera (cancel to skip the photo)',
  'damage.choice': '{type} · {severity}',
  'damage.severityUnset': 'Severity not chosen: tap one',
  'damage.severityUnset.count': '{count} marks without a severity',
};

export const DAMAGE_MESSAGES = { 'zh-CN': zhCN as Record<DamageMessageKey, string>, en } as const;
