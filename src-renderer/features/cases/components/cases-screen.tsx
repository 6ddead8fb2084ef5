import { EmptyState } from '../../../components/empty-state';
import { useT } from '../../../i18n/use-t';
import './case-file.css';
import { CaseFile } from './case-file';
import { CaseListPane } from './case-list-pane';
import './cases.css';

interface CasesScreenProps {
  /** The case open in the reading pane (from the URL); the feature itself knows no routes. */
  openCaseId: string | null;
  onOpenCase: (caseId: string) => void;
}

/** List pane and reading pane, as in a mail client. */
export function CasesScreen({ openCaseId, onOpenCase }: CasesScreenProps) {
  const t = useT();
  return (
    <div className="cases-screen">
      <section className="list-pane" aria-labelledby="cases-heading">
        <CaseListPane openCaseId={openCaseId} onOpenCase={onOpenCase} />
      </section>
      {/* Keyed by case so a newly opened file starts at its top; focusable, so the keyboard scrolls it. */}
      <section
        className="reading-pane"
        key={openCaseId ?? 'none'}
        tabIndex={0}
        aria-label={t('cases.readingPane')}
      >
        {openCaseId ? (
          <CaseFile caseId={openCaseId} />
        ) : (
          <EmptyState title={t('cases.select.title')}>{t('cases.select.body')}</EmptyState>
        )}
      </section>
    </div>
  );
}
