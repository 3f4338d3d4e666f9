import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';

type Props = Readonly<{
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}>;

/** A modal dialog on the native <dialog>: focus stays inside, Escape closes it. */
export function Dialog({ title, onClose, children, testId }: Props): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={title}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}
