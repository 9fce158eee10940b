// The estimate's number boxes (quantity, price, discount) are the shared one in src/ui, which
// the bill's amount boxes use too.
export { NumberField } from '../../../ui/NumberField.tsx';
