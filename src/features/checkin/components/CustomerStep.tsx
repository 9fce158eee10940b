import { HalfWidthNote } from './HalfWidthNote.tsx';
import { TextField } from './TextField.tsx';

export function CustomerStep() {
  return (
    <>
      <TextField path="customer.name" label="customer.name" />
      <TextField path="customer.phone" label="customer.phone" inputMode="tel" hint={<HalfWidthNote path="customer.phone" />} />
      <TextField path="customer.company" label="customer.company" />
    </>
  );
}
