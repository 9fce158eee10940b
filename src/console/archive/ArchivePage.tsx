// The console's archive page: not built yet.
export default function ArchivePage() {
  return <p role="status">尚未完成 · Not built yet</p>;
}
