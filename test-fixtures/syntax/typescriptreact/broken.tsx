export function View(): JSX.Element {
  return (
    <div>
      <span>{value</span>
    </div
  );
}
