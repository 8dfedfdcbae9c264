/** The words a text field offers as you type (native type-ahead): give the field `list={id}`. */
export function Suggestions({ id, words }: { id: string; words: string[] }) {
  return (
    <datalist id={id}>
      {words.map((w) => (
        <option key={w} value={w} />
      ))}
    </datalist>
  );
}
