// The console's export page: not built yet.
export default function ExportPage() {
  return <p role="status">尚未完成 · Not built yet</p>;
}
