import { get, useFormState, type FieldError } from 'react-hook-form';
import { parseProblemMessage, type CardProblemCode } from '../../../shared/check-in-rules.ts';
import type { Card } from '../../../shared/job.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { isMessageKey, type MessageKey } from '../../../ui/messages.ts';

/** Every code the check-in rules report is a message key: a new code without a message fails tsc here. */
export type RuleCodesHaveMessages = CardProblemCode extends MessageKey ? true : never;
const _ruleCodesHaveMessages: RuleCodesHaveMessages = true;

/** The translated message for one field of the card, if it has one. */
export function useFieldError(path: string): string | undefined {
  const { t } = useI18n();
  const { errors } = useFormState<Card>({ name: path as never });
  const error = get(errors, path) as FieldError | undefined;
  if (!error?.message) return undefined;
  const { code, params } = parseProblemMessage(error.message);
  // The rules' codes are message keys, but they come back from the form as plain strings.
  return t(isMessageKey(code) ? code : 'field.invalid', params);
}
