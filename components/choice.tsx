import type { ComponentChildren } from 'preact';

/** A pill that is on or off: one option of a question, one persona. */
export function Choice({
  chosen,
  mini = false,
  onClick,
  data,
  children,
}: {
  chosen: boolean;
  mini?: boolean;
  onClick: () => void;
  /** data-* attributes that name what the pill stands for (tests and styling find it by them). */
  data: Record<string, string>;
  children: ComponentChildren;
}) {
  const attributes = Object.fromEntries(Object.entries(data).map(([name, value]) => [`data-${name}`, value]));
  return (
    <button type="button" class={`choice${mini ? ' mini' : ''}${chosen ? ' chosen' : ''}`} aria-pressed={chosen} onClick={onClick} {...attributes}>
      {children}
    </button>
  );
}
