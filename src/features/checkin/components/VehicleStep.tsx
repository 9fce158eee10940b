import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
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

export function VehicleStep({ jobId, saved }: VehicleStepProps) {
  const { t } = useI18n();
  const { setValue } = useFormContext<Card>();
  const { prefill, filledFrom } = usePrefill(jobId);
  const [keyboardOpen, setKeyboardOpen] = useState(false);
  const plate = useWatch<Card, 'vehicle.plate'>({ name: 'vehicle.plate' });
  // This tablet's most common plate start, entered when the keyboard opens on an empty plate.
  const commonPrefix = useLiveQuery(async () => commonPlatePrefix(await knownPlates(db)), []) ?? '';
  const [prefix, setPrefix] = useState('');
  const typed = normalizePlate(plate ?? '');
  const known = useLiveQuery(
    () => (keyboardOpen && [...typed].length >= 2 ? knownVehiclesStartingWith(db, typed, jobId) : []),
    [keyboardOpen, typed, jobId],
  );
  const suggestions = matchingVehicles(known ?? [], typed);
  const setPlate = (next: string) => setValue('vehicle.plate', next, { shouldValidate: true, shouldTouch: true });

  function toggleKeyboard() {
    if (!keyboardOpen && !plate && commonPrefix) {
      // Not validated yet: a prefix the tablet entered is no mistake of the advisor's to flag.
      setValue('vehicle.plate', commonPrefix, { shouldDirty: true });
      setPrefix(commonPrefix);
    }
    setKeyboardOpen(!keyboardOpen);
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
            setKeyboardOpen(false);
            void prefill();
          }}
          prefix={prefix}
          suggestions={suggestions}
          onPick={(vehicle) => {
            setPlate(vehicle.plate);
            setKeyboardOpen(false);
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
