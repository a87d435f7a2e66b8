/** A group of radio cards: one choice, each with its hint; the group's error below it. */
export function RadioCards({ name, options, checked, legend, error }: { name: string; legend: string; checked: string; error?: string; options: { value: string; label: string; hint?: string }[] }) {
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="text-lg font-semibold">{legend}</legend>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="flex cursor-pointer gap-3 rounded-lg border-2 border-stone-300 bg-white p-4 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
            <input type="radio" name={name} value={o.value} defaultChecked={checked === o.value} className="mt-1 size-5 accent-brand-800" />
            <span>
              <span className="block font-semibold">{o.label}</span>
              {o.hint ? <span className="mt-1 block text-sm text-stone-700">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {error ? <p id={`${name}-error`} className="mt-2 text-sm font-medium text-red-800">{error}</p> : null}
    </fieldset>
  );
}

/** A group of checkbox cards; each box is named by its title and described by its hint. */
export function CheckboxCards({ name, legend, hint, options, checked, error }: { name: string; legend: string; hint: string; checked: string[]; error?: string; options: { value: string; label: string; hint: string }[] }) {
  return (
    <fieldset aria-describedby={[`${name}-hint`, error ? `${name}-error` : null].filter(Boolean).join(" ")}>
      <legend className="font-semibold">{legend}</legend>
      <p id={`${name}-hint`} className="mt-1 text-sm text-stone-700">{hint}</p>
      {error ? <p id={`${name}-error`} className="mt-2 text-sm font-medium text-red-800">{error}</p> : null}
      <div className="mt-3 grid gap-2 md:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="flex cursor-pointer gap-3 rounded-lg border border-stone-300 bg-white p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={checked.includes(o.value)}
              aria-labelledby={`${name}-${o.value}-label`}
              aria-describedby={`${name}-${o.value}-hint`}
              aria-invalid={error ? true : undefined}
              className="mt-1 size-5 shrink-0 accent-brand-800"
            />
            <span>
              <span id={`${name}-${o.value}-label`} className="block font-medium">{o.label}</span>
              <span id={`${name}-${o.value}-hint`} className="block text-sm text-stone-700">{o.hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
