import type { ReactNode } from 'react';
import { ModalDialog as SharedModalDialog } from '../../../components/modal-dialog';

interface ModalDialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}

/** A modal `<dialog>` for a decision (start, submit, delete, restore), in the drafting's style. */
export function ModalDialog(props: ModalDialogProps) {
  return <SharedModalDialog {...props} className="drafting-dialog" titleClassName="drafting-dialog__title" />;
}
