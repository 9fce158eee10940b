// The plate keyboard's faster ways: the prefix it opens with and the known vehicles it offers,
// and the check-in steps after covers, belongings and service became one.
import { describe, expect, it } from 'vitest';
import { MAX_SUGGESTIONS, commonPlatePrefix, matchingVehicles, type KnownVehicle } from '../../src/features/checkin/plate-suggestions.ts';
import { STEPS, stepOf, stepOfField } from '../../src/features/checkin/steps.ts';

const car = (plate: string, customerName: string, lastVisitAt: string): KnownVehicle => ({ plate, customerName, lastVisitAt });

describe('commonPlatePrefix', () => {
  it('is empty on a fresh tablet', () => {
    expect(commonPlatePrefix([])).toBe('');
  });

  it('is the province and letter most vehicles begin with', () => {
    expect(commonPlatePrefix(['粤B7K2Q9', '粤B12345', '粤A88888', '湘A12345'])).toBe('粤B');
  });

  it('counts a vehicle once however often it came', () => {
    expect(commonPlatePrefix(['粤A88888', '粤A88888', '粤A88888', '粤B12345', '粤B54321'])).toBe('粤B');
  });

  it('ignores plates that are not plates (no province, half typed, 使 plates)', () => {
    expect(commonPlatePrefix(['粤', '粤B1', 'AB12345', '使123456', '京A12345'])).toBe('京A');
  });

  it('breaks a tie the same way every time', () => {
    expect(commonPlatePrefix(['粤B12345', '京A12345'])).toBe(commonPlatePrefix(['京A12345', '粤B12345']));
  });
});

describe('matchingVehicles', () => {
  const known = [
    car('粤B7K2Q9', '王先生', '2026-12-01T10:00:00+08:00'),
    car('粤B7K2Q9', '王先生', '2026-12-06T10:00:00+08:00'),
    car('粤B12345', '李女士', '2026-11-20T09:00:00+08:00'),
    car('粤A88888', '赵先生', '2026-12-05T09:00:00+08:00'),
  ];

  it('offers nothing before the province and letter are typed', () => {
    expect(matchingVehicles(known, '')).toEqual([]);
    expect(matchingVehicles(known, '粤')).toEqual([]);
  });

  it('offers each matching plate once, with its newest visit, newest first', () => {
    expect(matchingVehicles(known, '粤B')).toEqual([known[1], known[2]]);
  });

  it('narrows as more is typed, whatever the case or spacing', () => {
    expect(matchingVehicles(known, '粤b 7').map((v) => v.plate)).toEqual(['粤B7K2Q9']);
    expect(matchingVehicles(known, '粤B7K2Q9').map((v) => v.plate)).toEqual(['粤B7K2Q9']);
    expect(matchingVehicles(known, '粤B7K2Q9X')).toEqual([]);
  });

  it('offers at most a few', () => {
    const many = Array.from({ length: 10 }, (_, i) => car(`粤B1234${i}`, `客户${i}`, `2026-12-0${i % 9}T10:00:00+08:00`));
    expect(matchingVehicles(many, '粤B')).toHaveLength(MAX_SUGGESTIONS);
  });
});

describe('check-in steps', () => {
  it('has covers, belongings and service on one step, before the estimate', () => {
    expect(STEPS).toEqual(['customer', 'vehicle', 'condition', 'walkaround', 'service', 'estimate', 'signing']);
    for (const field of ['covers.seat', 'belongings.jack', 'belongingsNote', 'valuablesConfirmedAt', 'serviceTypes', 'customerRequest'])
      expect(stepOfField(field)).toBe('service');
  });

  it('opens old links to the covers and belongings steps on that step', () => {
    expect(stepOf('covers')).toBe('service');
    expect(stepOf('belongings')).toBe('service');
    expect(stepOf('walkaround')).toBe('walkaround');
    expect(stepOf(undefined)).toBe('customer');
    expect(stepOf('nonsense')).toBe('customer');
  });
});
