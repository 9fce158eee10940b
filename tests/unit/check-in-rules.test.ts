import { describe, it, expect } from 'vitest';
import {
  cardProblems,
  checkInCardSchema,
  parseProblemMessage,
  problemMessage,
  type CardProblem,
  type CheckInContext,
} from '../../src/shared/check-in-rules.ts';
import { emptyCard, type Card } from '../../src/shared/job.ts';
import { vinCheckDigit } from '../../src/shared/vin.ts';

const VALID_VIN = '1M8GDM9AXKP042788';
// Position 9 says 0 where the other 16 characters call for X.
const WRONG_CHECK_VIN = 'LSVAU2180N2183294';
const NO_HISTORY: CheckInContext = { lastOdometerKm: null };

function completeCard(): Card {
  return {
    ...emptyCard(),
    customer: { name: '张三', phone: '13812345678', company: '' },
    vehicle: { plate: '粤B12345', vin: VALID_VIN, vinCheckAccepted: false, model: '凯美瑞', color: '白', engineNo: '', bodyStyle: 'sedan' },
    odometerKm: 42_000,
    fuel: { kind: 'gauge', eighths: 4 },
    serviceTypes: { maintenance: true },
    valuablesConfirmedAt: '2026-11-27T09:00:00+08:00',
  };
}

/** The complete card with one change, written the way a test reads: a path and a value. */
function withChange(change: (card: Card) => void): Card {
  const card = completeCard();
  change(card);
  return card;
}

const brief = (ps: CardProblem[]) => ps.map((p) => `${p.path} ${p.code}`);

describe('fixtures', () => {
  it('use a VIN with a right and a VIN with a wrong check digit', () => {
    expect(vinCheckDigit(VALID_VIN)).toBe(VALID_VIN[8]);
    expect(vinCheckDigit(WRONG_CHECK_VIN)).toBe('X');
    expect(WRONG_CHECK_VIN[8]).toBe('0');
  });
});

describe('cardProblems', () => {
  it('finds nothing wrong with a complete card', () => {
    expect(cardProblems(completeCard(), NO_HISTORY)).toEqual([]);
  });

  it('finds nothing wrong with a complete card of a vehicle seen before at lower mileage', () => {
    expect(cardProblems(completeCard(), { lastOdometerKm: 41_999 })).toEqual([]);
  });

  it('lists every required field of an empty card, in form order', () => {
    expect(brief(cardProblems(emptyCard(), NO_HISTORY))).toEqual([
      'customer.name required',
      'customer.phone required',
      'vehicle.plate required',
      'vehicle.vin required',
      'vehicle.model required',
      'odometerKm required',
      'fuel fuel.required',
      'serviceTypes serviceType.required',
      'valuablesConfirmedAt valuables.required',
    ]);
  });

  // [what is wrong, the change, the one problem expected]
  const single: [string, (c: Card) => void, CardProblem][] = [
    ['no name', (c) => void (c.customer.name = ''), { path: 'customer.name', code: 'required' }],
    ['a name of spaces', (c) => void (c.customer.name = '   '), { path: 'customer.name', code: 'required' }],
    ['no phone', (c) => void (c.customer.phone = ''), { path: 'customer.phone', code: 'required' }],
    ['no plate', (c) => void (c.vehicle.plate = ''), { path: 'vehicle.plate', code: 'required' }],
    ['no VIN', (c) => void (c.vehicle.vin = ''), { path: 'vehicle.vin', code: 'required' }],
    ['no model', (c) => void (c.vehicle.model = ''), { path: 'vehicle.model', code: 'required' }],
    ['a model of spaces', (c) => void (c.vehicle.model = ' '), { path: 'vehicle.model', code: 'required' }],
    ['no mileage', (c) => void (c.odometerKm = null), { path: 'odometerKm', code: 'required' }],
    ['no fuel level', (c) => void (c.fuel = null), { path: 'fuel', code: 'fuel.required' }],
    ['no service type', (c) => void (c.serviceTypes = {}), { path: 'serviceTypes', code: 'serviceType.required' }],
    [
      'service types all switched off',
      (c) => void (c.serviceTypes = { maintenance: false, repair: false }),
      { path: 'serviceTypes', code: 'serviceType.required' },
    ],
    ['valuables not confirmed', (c) => void (c.valuablesConfirmedAt = null), { path: 'valuablesConfirmedAt', code: 'valuables.required' }],
    ['a mobile one digit short', (c) => void (c.customer.phone = '1381234567'), { path: 'customer.phone', code: 'phone.mobile-length' }],
    ['a mobile one digit long', (c) => void (c.customer.phone = '138123456789'), { path: 'customer.phone', code: 'phone.mobile-length' }],
    ['a letter in the phone', (c) => void (c.customer.phone = '1381234567a'), { path: 'customer.phone', code: 'phone.chars' }],
    ['a phone of no known shape', (c) => void (c.customer.phone = '0201234'), { path: 'customer.phone', code: 'phone.format' }],
    ['8 digits alone', (c) => void (c.customer.phone = '12345678'), { path: 'customer.phone', code: 'phone.wrong-kind' }],
    ['a Hong Kong mobile without +852', (c) => void (c.customer.phone = '9123 4567'), { path: 'customer.phone', code: 'phone.wrong-kind' }],
    ['a Hong Kong fixed line', (c) => void (c.customer.phone = '+852 2123 4567'), { path: 'customer.phone', code: 'phone.hk-mo' }],
    ['a Macau mobile a digit short', (c) => void (c.customer.phone = '+853 6612 345'), { path: 'customer.phone', code: 'phone.hk-mo' }],
    ['a full-width letter in the phone', (c) => void (c.customer.phone = '138１２３４５６７ａ'), { path: 'customer.phone', code: 'phone.chars' }],
    ['a plate of a traditional 領', (c) => void (c.vehicle.plate = '沪A1234領'), { path: 'vehicle.plate', code: 'plate.chars' }],
    ['an embassy plate a digit short', (c) => void (c.vehicle.plate = '使01457'), { path: 'vehicle.plate', code: 'plate.length' }],
    [
      'a VIN with a dash',
      (c) => void (c.vehicle.vin = '1M8GDM9AX-KP042788'),
      { path: 'vehicle.vin', code: 'vin.chars', params: { chars: '-' } },
    ],
    [
      'a VIN with a full-width dash',
      (c) => void (c.vehicle.vin = '1M8GDM9AX－KP042788'),
      { path: 'vehicle.vin', code: 'vin.chars', params: { chars: '-' } },
    ],
    ['a plate one character short', (c) => void (c.vehicle.plate = '粤B1234'), { path: 'vehicle.plate', code: 'plate.length' }],
    ['a plate without a province', (c) => void (c.vehicle.plate = 'AB12345'), { path: 'vehicle.plate', code: 'plate.province' }],
    ['a plate without the authority letter', (c) => void (c.vehicle.plate = '粤112345'), { path: 'vehicle.plate', code: 'plate.letter' }],
    ['a plate with I for 1', (c) => void (c.vehicle.plate = '粤BI2345'), { path: 'vehicle.plate', code: 'plate.io' }],
    ['a plate with a stray character', (c) => void (c.vehicle.plate = '粤B1234#'), { path: 'vehicle.plate', code: 'plate.chars' }],
    [
      'a VIN one character short',
      (c) => void (c.vehicle.vin = VALID_VIN.slice(0, 16)),
      { path: 'vehicle.vin', code: 'vin.length', params: { length: 16 } },
    ],
    [
      'a VIN with O and Q',
      (c) => void (c.vehicle.vin = '1M8GDM9AXKPO4Q788'),
      { path: 'vehicle.vin', code: 'vin.chars', params: { chars: 'O Q' } },
    ],
    [
      'a VIN with a wrong check digit',
      (c) => void (c.vehicle.vin = WRONG_CHECK_VIN),
      { path: 'vehicle.vin', code: 'vin.checkDigit', params: { expected: 'X', actual: '0' }, confirmable: true },
    ],
  ];

  it.each(single)('%s', (_what, change, expected) => {
    expect(cardProblems(withChange(change), NO_HISTORY)).toEqual([expected]);
  });

  // [what the advisor or the customer typed, the change]: nothing to report
  const accepted: [string, (c: Card) => void][] = [
    ['a Hong Kong mobile', (c) => void (c.customer.phone = '+852 9123 4567')],
    ['a Hong Kong mobile written 00852', (c) => void (c.customer.phone = '00852-9123-4567')],
    ['a Macau mobile', (c) => void (c.customer.phone = '+853 6612 3456')],
    ['a landline with a dash before the extension', (c) => void (c.customer.phone = '0755-12345678-123')],
    ['a mobile in full-width digits', (c) => void (c.customer.phone = '１３８１２３４５６７８')],
    ['a plate in full-width letters and digits', (c) => void (c.vehicle.plate = '粤Ｂ１２３４５')],
    ['a consulate plate', (c) => void (c.vehicle.plate = '沪A1234领')],
    ['an embassy plate', (c) => void (c.vehicle.plate = '使014578')],
    ['a rescue-service plate', (c) => void (c.vehicle.plate = '京X1234应急')],
    ['a Macau car', (c) => void (c.vehicle.plate = '粤Z1234澳')],
    ['a VIN in full-width characters with a full-width space', (c) => void (c.vehicle.vin = '１Ｍ８ＧＤＭ９ＡＸ\u3000ＫＰ０４２７８８')],
  ];

  it.each(accepted)('accepts %s', (_what, change) => {
    expect(cardProblems(withChange(change), NO_HISTORY)).toEqual([]);
  });

  it('a wrong-length or bad-character VIN cannot be accepted away', () => {
    for (const [vin, code] of [
      [VALID_VIN.slice(0, 16), 'vin.length'],
      ['1M8GDM9AXKPO4Q788', 'vin.chars'],
    ]) {
      const card = withChange((c) => {
        c.vehicle.vin = vin ?? '';
        c.vehicle.vinCheckAccepted = true;
      });
      expect(brief(cardProblems(card, NO_HISTORY))).toEqual([`vehicle.vin ${code}`]);
    }
  });

  it('a wrong check digit the advisor accepted is no longer a problem', () => {
    const card = withChange((c) => {
      c.vehicle.vin = WRONG_CHECK_VIN;
      c.vehicle.vinCheckAccepted = true;
    });
    expect(cardProblems(card, NO_HISTORY)).toEqual([]);
  });

  describe('mileage against the last visit', () => {
    it('lower than last time is a confirmable problem with the last reading', () => {
      const card = withChange((c) => void (c.odometerKm = 41_999));
      expect(cardProblems(card, { lastOdometerKm: 42_000 })).toEqual([
        { path: 'odometerKm', code: 'odometer.lower', params: { last: 42_000 }, confirmable: true },
      ]);
    });

    it('lower and accepted is fine', () => {
      const card = withChange((c) => {
        c.odometerKm = 10;
        c.odometerLowerAccepted = true;
      });
      expect(cardProblems(card, { lastOdometerKm: 42_000 })).toEqual([]);
    });

    it.each([
      ['equal', 42_000],
      ['higher', 42_001],
    ])('%s mileage is fine', (_what, km) => {
      expect(cardProblems(withChange((c) => void (c.odometerKm = km)), { lastOdometerKm: 42_000 })).toEqual([]);
    });

    it('0 km on a new vehicle is fine, and is not "missing"', () => {
      expect(cardProblems(withChange((c) => void (c.odometerKm = 0)), NO_HISTORY)).toEqual([]);
    });

    it('missing mileage is "required", not "lower"', () => {
      expect(cardProblems(withChange((c) => void (c.odometerKm = null)), { lastOdometerKm: 42_000 })).toEqual([
        { path: 'odometerKm', code: 'required' },
      ]);
    });
  });

  it('reports several problems together, each on its own path', () => {
    const card = withChange((c) => {
      c.customer.phone = '1381234567';
      c.vehicle.vin = WRONG_CHECK_VIN;
      c.odometerKm = 100;
      c.fuel = null;
    });
    expect(brief(cardProblems(card, { lastOdometerKm: 200 }))).toEqual([
      'customer.phone phone.mobile-length',
      'vehicle.vin vin.checkDigit',
      'odometerKm odometer.lower',
      'fuel fuel.required',
    ]);
  });
});

describe('checkInCardSchema', () => {
  /** The schema's issues as "path message", to compare with cardProblems. */
  function issuesOf(card: Card, ctx: CheckInContext): string[] {
    const result = checkInCardSchema(ctx).safeParse(card);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
  }

  it('accepts a complete card and returns it as it was', () => {
    const result = checkInCardSchema(NO_HISTORY).safeParse(completeCard());
    expect(result.success).toBe(true);
    expect(result.data).toEqual(completeCard());
  });

  it.each([
    ['an empty card', emptyCard(), NO_HISTORY],
    [
      'a card with a wrong check digit and lower mileage',
      withChange((c) => {
        c.vehicle.vin = WRONG_CHECK_VIN;
        c.odometerKm = 5;
      }),
      { lastOdometerKm: 6 },
    ],
    ['a card with a bad plate and phone', withChange((c) => {
      c.vehicle.plate = '粤BI2345';
      c.customer.phone = 'abc';
    }), NO_HISTORY],
  ] as [string, Card, CheckInContext][])('reports %s at the same paths as cardProblems', (_what, card, ctx) => {
    const problems = cardProblems(card, ctx);
    expect(problems.length).toBeGreaterThan(0);
    expect(issuesOf(card, ctx)).toEqual(problems.map((p) => `${p.path} ${problemMessage(p)}`));
  });

  it('gives the path as segments, so a form library finds the nested field', () => {
    const result = checkInCardSchema(NO_HISTORY).safeParse(withChange((c) => void (c.customer.phone = '')));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([['customer', 'phone']]);
  });

  it('carries the params in the message, readable back', () => {
    const result = checkInCardSchema({ lastOdometerKm: 50_000 }).safeParse(withChange((c) => void (c.odometerKm = 1)));
    const message = result.error?.issues[0]?.message ?? '';
    expect(parseProblemMessage(message)).toEqual({ code: 'odometer.lower', params: { last: '50000' } });
  });
});

describe('problemMessage / parseProblemMessage', () => {
  it.each<[string, Pick<CardProblem, 'code' | 'params'>, string]>([
    ['no params', { code: 'required' }, 'required'],
    ['a number', { code: 'odometer.lower', params: { last: 42_000 } }, 'odometer.lower?last=42000'],
    ['two params', { code: 'vin.checkDigit', params: { expected: 'X', actual: '0' } }, 'vin.checkDigit?expected=X&actual=0'],
  ])('%s → %j', (_what, problem, message) => {
    expect(problemMessage(problem)).toBe(message);
  });

  it.each<[string, Record<string, string | number>]>([
    ['spaces', { chars: 'O Q I' }],
    ['an ampersand and an equals sign', { note: 'A&B=C', other: '&' }],
    ['a question mark, a plus and a percent', { note: 'what? 1+1 100%' }],
    ['Chinese and a middle dot', { chars: '车 ·', plate: '粤B·12345' }],
    ['a number', { last: 42_000, length: 16 }],
    ['an empty value', { chars: '' }],
  ])('round-trips params with %s', (_what, params) => {
    const code = 'vin.chars';
    const parsed = parseProblemMessage(problemMessage({ code, params }));
    expect(parsed).toEqual({ code, params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) });
  });

  it('round-trips a code without params to empty params', () => {
    expect(parseProblemMessage(problemMessage({ code: 'fuel.required' }))).toEqual({ code: 'fuel.required', params: {} });
  });

  it('round-trips every problem of a card with many problems', () => {
    const card = withChange((c) => {
      c.vehicle.vin = '1M8GDM9AXKPO4Q78车';
      c.odometerKm = 1;
    });
    for (const p of cardProblems(card, { lastOdometerKm: 2 })) {
      const parsed = parseProblemMessage(problemMessage(p));
      expect(parsed.code).toBe(p.code);
      expect(parsed.params).toEqual(Object.fromEntries(Object.entries(p.params ?? {}).map(([k, v]) => [k, String(v)])));
    }
  });
});
