import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const control = (error?: string) =>
  `min-h-11 rounded-md border bg-white px-3 py-2 text-base text-stone-900 ${error ? "border-red-700" : "border-stone-400"}`;

function Described({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </>
  );
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> {
  name: string;
  /** Needed when the same field name appears in several forms on one page. */
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}

export function SelectField({ name, id: idOverride, label, hint, error, children, className = "", ...props }: SelectFieldProps) {
  const id = idOverride ?? `field-${name.replaceAll(".", "-")}`;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={control(error)} {...props}>
        {children}
      </select>
      <Described id={id} hint={hint} error={error} />
    </div>
  );
}

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> {
  name: string;
  /** Needed when the same field name appears in several forms on one page. */
  id?: string;
  label: string;
  hint?: string;
  error?: string;
}

export function TextAreaField({ name, id: idOverride, label, hint, error, className = "", ...props }: TextAreaFieldProps) {
  const id = idOverride ?? `field-${name.replaceAll(".", "-")}`;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <textarea id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={control(error)} {...props} />
      <Described id={id} hint={hint} error={error} />
    </div>
  );
}

interface CheckboxGroupProps {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: string[];
  error?: string;
}

export function CheckboxGroup({ name, legend, options, checked, error }: CheckboxGroupProps) {
  return (
    <fieldset aria-describedby={error ? `group-${name}-error` : undefined}>
      <legend className="text-sm font-semibold">{legend}</legend>
      <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
        {options.map((option) => (
          <label key={option.value} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={option.value} defaultChecked={checked.includes(option.value)} className="size-5 accent-brand-800" />
            {option.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`group-${name}-error`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
