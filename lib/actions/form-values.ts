import { isFormData } from "./form-state";

/**
 * A submitted form as flat text values, so a refused form can be shown again exactly as typed.
 * Multi-valued fields (checkbox groups) are joined with newlines.
 */
export type FlatValues = Record<string, string>;

export function formDataToValues(formData: FormData): FlatValues {
  const values: FlatValues = {};
  if (!isFormData(formData)) return values;
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    values[key] = formData
      .getAll(key)
      .filter((v): v is string => typeof v === "string")
      .join("\n");
  }
  return values;
}
