// Forms check their values with the shared zod schema before sending, and show the server's 4xx answer
// inline: field errors on their fields, anything else as the message above the buttons.
import type { FormInstance } from 'antd';
import type { ZodType, z } from 'zod';
import { ApiError } from '../api/client';

/** The parsed values, or null after marking the failing fields on the form. */
export function checkWith<S extends ZodType>(schema: S, values: unknown, form: FormInstance): z.infer<S> | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  // Issues on a field the form shows are marked on it; the rest (the whole form, or a value the form
  // shows under another name, such as a date range) become the form's message.
  const shown = new Set(Object.keys(form.getFieldsValue() ?? {}));
  const fields = new Map<string, string[]>();
  const general: string[] = [];
  for (const issue of result.error.issues) {
    const name = issue.path.map(String).join('.');
    if (name && shown.has(name.split('.')[0]!)) fields.set(name, [...(fields.get(name) ?? []), issue.message]);
    else general.push(issue.message);
  }
  form.setFields([...fields].map(([name, errors]) => ({ name: name.split('.'), errors })));
  if (general.length) throw new FormMessage([...new Set(general)].join('；'));
  return null;
}

/** A message for the whole form (not one field). */
export class FormMessage extends Error {}

/**
 * Puts a failed request's field errors on the form's fields (`prefix` is stripped, e.g. `data.` of an
 * action) and returns the message to show above the buttons.
 */
export function serverError(err: unknown, form?: FormInstance, prefix = ''): string {
  if (err instanceof FormMessage) return err.message;
  if (!(err instanceof ApiError)) return '操作失败，请稍后再试';
  if (form) {
    const names = new Set(Object.keys(form.getFieldsValue() ?? {}));
    const fields = err.fieldErrors
      .map((d) => ({ name: d.path.startsWith(prefix) ? d.path.slice(prefix.length) : d.path, message: d.message }))
      .filter((d) => d.name && names.has(d.name.split('.')[0]!));
    if (fields.length) form.setFields(fields.map((f) => ({ name: f.name.split('.'), errors: [f.message] })));
  }
  return err.message;
}
