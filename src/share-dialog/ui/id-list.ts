/** The ids of the elements that describe a control, for `aria-describedby`; undefined when there are none. */
export function idList(...ids: (string | null | undefined | false)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}
