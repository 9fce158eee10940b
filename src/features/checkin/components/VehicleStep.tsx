import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { db } from '../../../db/instance.ts';
import { knownPlates, knownVehiclesStartingWith } from '../../../db/known-vehicles.ts';
import type { Card } from '../../../shared/job.ts';
import { normalizePlate } from '../../../shared/plate.ts';
import { checkVin, decodeVin, normalizeVin } from '../../../shared/vin.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { usePrefill } from '../hooks/use-prefill.ts';
import { commonPlatePrefix, matchingVehicles } from '../plate-suggestions.ts';
import { EarlierVisitsList } from './EarlierVisits.tsx';
import { HalfWidthNote } from './HalfWidthNote.tsx';
import { PlateKeyboard } from './PlateKeyboard.tsx';
import { TextField } from './TextField.tsx';

type VehicleStepProps = { jobId: string; /** As saved, to look up earlier visits. */ saved: { plate: string; vin: string } };

/**
 * The tablet's common plate start as last read, so a step opened again decides at once (the
 * read takes a moment, and a keyboard that appears late would jump the page under a finger).
 */
let lastCommonPrefix: string | undefined;
/** Cards on which the advisor closed the keyboard with no plate typed: not opened for them again. */
const keyboardDeclined = new Set<string>();

export function VehicleStep({ jobId, saved }: VehicleStepProps) {
  const { t } = useI18n();
  const { setValue, getValues } = useFormContext<Card>();
  const { prefill, filledFrom } = usePrefill(jobId);
  const [keyboardOpen, setKeyboardOpen] = useState(false);
  const plate = useWatch<Card, 'vehicle.plate'>({ name: 'vehicle.plate' });
  // This tablet's most common plate start, entered when the keyboard opens on an empty plate;
  // undefined while it is being read.
  const commonPrefix = useLiveQuery(async () => commonPlatePrefix(await knownPlates(db)), [], lastCommonPrefix);
  const [prefix, setPrefix] = useState('');
  const typed = normalizePlate(plate ?? '');
  const known = useLiveQuery(
    () => (keyboardOpen && [...typed].length >= 2 ? knownVehiclesStartingWith(db, typed, jobId) : []),
    [keyboardOpen, typed, jobId],
  );
  const suggestions = matchingVehicles(known ?? [], typed);
  const setPlate = (next: string) => setValue('vehicle.plate', next, { shouldValidate: true, shouldTouch: true });

  const openKeyboard = useCallback(
    (start: string) => {
      if (!getValues('vehicle.plate') && start) {
        // Not validated yet: a prefix the tablet entered is no mistake of the advisor's to flag.
        setValue('vehicle.plate', start, { shouldDirty: true });
        setPrefix(start);
      }
      setKeyboardOpen(true);
    },
    [getValues, setValue],
  );

  // Issue 11, one tap fewer per check-in: arriving here with no plate, the keyboard is open, as
  // the button would open it (with the common start). Decided once per arrival, as soon as the
  // start is known: a card with a plate, or whose plate is being typed, is left alone.
  const undecided = useRef(true);
  const autoPrefix = useRef('');
  const [openedItself, setOpenedItself] = useState(false);
  const prefixRef = useRef(commonPrefix);
  prefixRef.current = commonPrefix;
  const prefixKnown = commonPrefix !== undefined;
  useLayoutEffect(() => {
    if (!prefixKnown || !undecided.current) return;
    undecided.current = false;
    if (getValues('vehicle.plate') || keyboardDeclined.has(jobId) || isTyping()) return;
    autoPrefix.current = prefixRef.current ?? '';
    setOpenedItself(true);
    openKeyboard(autoPrefix.current);
    return () => {
      // Leaving the step with only the start the tablet entered: it is taken back, so the card's
      // plate is empty as the advisor left it (and React's second try in development opens again).
      if (autoPrefix.current && getValues('vehicle.plate') === autoPrefix.current) setValue('vehicle.plate', '', { shouldDirty: true });
      undecided.current = true;
    };
  }, [prefixKnown, getValues, setValue, jobId, openKeyboard]);

  useEffect(() => {
    if (commonPrefix !== undefined) lastCommonPrefix = commonPrefix;
  }, [commonPrefix]);

  function closeKeyboard() {
    const value = getValues('vehicle.plate');
    // Closed with nothing the advisor typed: this card goes without the keyboard from now on.
    if (!value || value === autoPrefix.current) keyboardDeclined.add(jobId);
    setKeyboardOpen(false);
  }

  function toggleKeyboard() {
    // A tap before the common start is read decides for the advisor: nothing opens by itself.
    undecided.current = false;
    setOpenedItself(false);
    if (keyboardOpen) closeKeyboard();
    else openKeyboard(commonPrefix ?? '');
  }

  return (
    <>
      {filledFrom && (
        <p className="banner banner-info" role="status">
          {t('prefill.done', { number: filledFrom })}
        </p>
      )}
      <div className="plate-row">
        <TextField
          path="vehicle.plate"
          label="vehicle.plate"
          autoCapitalize="characters"
          onCommitted={prefill}
          hint={<HalfWidthNote path="vehicle.plate" />}
        />
        <button
          type="button"
          className="btn plate-keyboard-toggle"
          aria-expanded={keyboardOpen}
          onClick={toggleKeyboard}
        >
          {t('vehicle.plateKeyboard')}
        </button>
      </div>
      {keyboardOpen && (
        <PlateKeyboard
          value={plate ?? ''}
          onChange={setPlate}
          onDone={() => {
            closeKeyboard();
            void prefill();
          }}
          prefix={prefix}
          openedItself={openedItself}
          suggestions={suggestions}
          onPick={(vehicle) => {
            setPlate(vehicle.plate);
            closeKeyboard();
            void prefill();
          }}
        />
      )}
      <TextField
        path="vehicle.vin"
        label="vehicle.vin"
        autoCapitalize="characters"
        onCommitted={prefill}
        hint={
          <>
            <VinHints />
            <HalfWidthNote path="vehicle.vin" />
          </>
        }
      />
      <VinConfirm />
      <TextField path="vehicle.model" label="vehicle.model" />
      <TextField path="vehicle.color" label="vehicle.color" />
      <TextField path="vehicle.engineNo" label="vehicle.engineNo" autoCapitalize="characters" />
      <EarlierVisitsList jobId={jobId} plate={saved.plate} vin={saved.vin} />
    </>
  );
}

/** Whether the advisor is in a text box (the system keyboard up): the plate keyboard stays shut. */
function isTyping(): boolean {
  const active = document.activeElement;
  return active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement;
}

/** Maker, country and model year decoded offline from the VIN as it is typed. */
function VinHints() {
  const { t, language } = useI18n();
  const vin = useWatch<Card, 'vehicle.vin'>({ name: 'vehicle.vin' }) ?? '';
  if (vin.length < 3) return null;
  const decoded = decodeVin(normalizeVin(vin));
  const name = (v: { zh: string; en: string } | null) => (v ? (language === 'en' ? v.en : v.zh) : null);
  const parts = [
    name(decoded.maker) && t('vin.maker', { maker: name(decoded.maker) ?? '' }),
    name(decoded.country) && t('vin.country', { country: name(decoded.country) ?? '' }),
    decoded.modelYear && t('vin.modelYear', { year: decoded.modelYear }),
  ].filter(Boolean);
  return parts.length ? <span className="vin-decoded">{parts.join(' · ')}</span> : null;
}

/** A wrong check digit is a warning: the advisor may confirm it (imports, old cars). */
function VinConfirm() {
  const { t } = useI18n();
  const { setValue, trigger } = useFormContext<Card>();
  const vin = useWatch<Card, 'vehicle.vin'>({ name: 'vehicle.vin' }) ?? '';
  const accepted = useWatch<Card, 'vehicle.vinCheckAccepted'>({ name: 'vehicle.vinCheckAccepted' });
  const confirmedVin = useRef(vin);

  // A confirmation is for the VIN that was checked; editing the VIN asks again.
  useEffect(() => {
    if (accepted && normalizeVin(vin) !== normalizeVin(confirmedVin.current)) setValue('vehicle.vinCheckAccepted', false);
  }, [accepted, setValue, vin]);

  const onConfirm = () => {
    confirmedVin.current = vin;
    setValue('vehicle.vinCheckAccepted', true);
    // The message sits on the VIN, so the VIN is what must be validated again.
    void trigger('vehicle.vin');
  };
  if (checkVin(normalizeVin(vin)).status !== 'bad-check-digit' || accepted) return null;
  return (
    <button type="button" className="btn btn-warning" onClick={onConfirm}>
      {t('vin.accept')}
    </button>
  );
}
