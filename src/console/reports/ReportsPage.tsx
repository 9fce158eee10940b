// The console's reports page: not built yet.
export default function ReportsPage() {
  return <p role="status">尚未完成 · Not built yet</p>;
}
