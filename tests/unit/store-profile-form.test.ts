// The settings form of the store's profile: each field's problem is the message the advisor
// reads beside it, a form with none saves exactly the trimmed profile, and a saved profile
// comes back into the form as it was.
import { describe, expect, it } from 'vitest';
import { storeFieldsOf, storeFormOf, storeFormProblems, type StoreForm } from '../../src/ui/store-profile-form.ts';
import { storeProfileFieldsSchema } from '../../src/shared/store-profile.ts';

const good: StoreForm = {
  name: ' 上海一店 ',
  address: '上海市浦东新区张江路 88 号',
  phone: '021-12345678 转 123',
  oldParts: 'dispose',
  payment: null,
  carWash: false,
  promisedInHours: '6',
};

describe('storeFormProblems', () => {
  it.each<[string, Partial<StoreForm>, Record<string, unknown>]>([
    ['a full form', {}, {}],
    ['an empty form', { name: '', address: '', phone: '', promisedInHours: '' }, {}],
    ['a name with an escape', { name: '上海\u001b[2J一店' }, { name: { key: 'store.error.control' } }],
    ['an address too long', { address: '路'.repeat(121) }, { address: { key: 'store.error.tooLong', params: { max: 120 } } }],
    ['a phone with letters', { phone: '021-CALL-NOW' }, { phone: { key: 'store.error.phone' } }],
    ['a Hong Kong phone', { phone: '+852 2123 4567' }, {}],
    ['0 hours', { promisedInHours: '0' }, { promisedInHours: { key: 'store.error.hours' } }],
    ['2.5 hours', { promisedInHours: '2.5' }, { promisedInHours: { key: 'store.error.hours' } }],
    ['337 hours', { promisedInHours: '337' }, { promisedInHours: { key: 'store.error.hours' } }],
    ['336 hours', { promisedInHours: '336' }, {}],
  ])('%s', (_name, change, problems) => {
    expect(storeFormProblems({ ...good, ...change })).toEqual(problems);
  });
});

describe('storeFieldsOf and storeFormOf', () => {
  it('saves the trimmed text and only the chosen defaults, as the shared schema takes them, and reads them back', () => {
    const fields = storeFieldsOf(good);
    expect(fields).toEqual({
      name: '上海一店',
      address: '上海市浦东新区张江路 88 号',
      phone: '021-12345678 转 123',
      defaults: { oldParts: 'dispose', carWash: false, promisedInHours: 6 },
    });
    expect(storeProfileFieldsSchema.parse(fields)).toEqual(fields);
    expect(storeFormOf(fields)).toEqual({ ...good, name: '上海一店' });
    expect(storeFormOf(undefined)).toEqual({ name: '', address: '', phone: '', oldParts: null, payment: null, carWash: null, promisedInHours: '' });
  });
});
