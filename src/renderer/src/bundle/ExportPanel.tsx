import type { ReactNode } from 'react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ExportCancelledError,
  exportFromVault,
  selectForBundle,
  type BundleContents,
  type BundleSelection,
  type CaseData,
  type ExportOutcome,
  type ExportProgress,
  type OriginalsPolicy,
  type VictimProtectionMode,
} from '../../../core/bundle';
import {
  primaryName,
  type CaseId,
  type Entity,
  type EntityId,
  type EvidenceId,
  type LinkId,
} from '../../../core/model';
import { platform } from '../platform';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { useSession } from '../vault/session';
import { ExportResult } from './ExportResult';
import { formatBytes } from './formatBytes';
import { OriginalsChoice } from './OriginalsChoice';
import { SelectionList, type SelectionItem } from './SelectionList';
import { SigningKeyPanel } from './SigningKeyPanel';
import { VictimChoice } from './VictimChoice';

type Props = Readonly<{ caseId: CaseId; data: CaseData }>;

type Phase =
  | Readonly<{ kind: 'idle' }>
  | Readonly<{ kind: 'confirm-identities'; victims: number }>
  | Readonly<{ kind: 'running'; progress: ExportProgress | null }>
  | Readonly<{ kind: 'done'; outcome: Extract<ExportOutcome, { saved: true }> }>
  | Readonly<{ kind: 'message'; text: string; error: boolean }>;

/** Progress repaints at most this often: a large original streams thousands of chunks. */
const PROGRESS_INTERVAL_MS = 120;

type Preview =
  | Readonly<{ kind: 'empty' }>
  | Readonly<{ kind: 'ok'; contents: BundleContents; victims: number }>
  | Readonly<{ kind: 'problem'; message: string }>;

function shownName(entity: Entity | undefined): string | undefined {
  return entity === undefined ? undefined : primaryName(entity.names);
}

/** Pick what a charge rests on, choose how victims and originals go out, and export. */
export function ExportPanel({ caseId, data }: Props): ReactNode {
  const { t, i18n } = useTranslation();
  const { vault } = useSession();
  const [links, setLinks] = useState<ReadonlySet<string>>(new Set());
  const [entities, setEntities] = useState<ReadonlySet<string>>(new Set());
  const [items, setItems] = useState<ReadonlySet<string>>(new Set());
  const [citedBy, setCitedBy] = useState(true);
  const [victimMode, setVictimMode] = useState<VictimProtectionMode>('pseudonymise');
  const [originals, setOriginals] = useState<OriginalsPolicy>('all');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abortRef = useRef<AbortController | null>(null);

  const entityById = useMemo(() => new Map(data.entities.map((e) => [e.id, e])), [data]);
  const nameOf = (id: EntityId): string => shownName(entityById.get(id)) ?? t('bundle.unnamed');

  const selection: BundleSelection = useMemo(() => {
    const linkIds = [...links] as LinkId[];
    return {
      entityIds: [...entities] as EntityId[],
      evidenceIds: [...items] as EvidenceId[],
      ...(citedBy ? { citedByLinkIds: linkIds } : { linkIds }),
    };
  }, [links, entities, items, citedBy]);

  // The same resolution the export runs, so the user sees what will go out before it does.
  const preview: Preview = useMemo(() => {
    if (links.size === 0 && entities.size === 0 && items.size === 0) return { kind: 'empty' };
    try {
      const contents = selectForBundle(data, selection);
      const victims = contents.entities.filter((e) => e.roles.includes('victim')).length;
      return { kind: 'ok', contents, victims };
    } catch (e) {
      return { kind: 'problem', message: e instanceof Error ? e.message : String(e) };
    }
  }, [data, selection, links.size, entities.size, items.size]);

  const citationCount = (linkId: LinkId): number =>
    data.citations.filter((c) => c.linkId === linkId).length;

  const linkItems: SelectionItem[] = data.links.map((link) => ({
    id: link.id,
    label: (
      <>
        {nameOf(link.source)} <span className="muted">{t(`bundle.linkTypes.${link.type}`)}</span>{' '}
        {nameOf(link.target)}
      </>
    ),
    detail: t('bundle.citations', { count: citationCount(link.id) }),
  }));
  const entityItems: SelectionItem[] = data.entities.map((entity) => ({
    id: entity.id,
    label: (
      <>
        {shownName(entity) ?? t('bundle.unnamed')}
        {entity.roles.includes('victim') && (
          <span className="badge victim">{t('bundle.victim')}</span>
        )}
      </>
    ),
    detail: [
      t(`bundle.kinds.${entity.kind}`),
      ...entity.roles.filter((r) => r !== 'victim').map((r) => t(`bundle.roles.${r}`)),
    ].join(', '),
  }));
  const pagesOf = (id: EvidenceId): number => data.pages.filter((p) => p.evidenceId === id).length;
  const evidenceItems: SelectionItem[] = data.evidence.map((item) => ({
    id: item.id,
    label: (
      <>
        <span className="mono">{item.exhibitRef}</span> {item.fileName}
      </>
    ),
    detail: t('bundle.pages', { count: pagesOf(item.id) }),
  }));

  const run = (): void => {
    const controller = new AbortController();
    abortRef.current = controller;
    setPhase({ kind: 'running', progress: null });
    let lastPaint = 0;
    exportFromVault(
      vault,
      {
        caseId,
        selection,
        victimProtection: victimMode,
        includeOriginals: originals,
        signal: controller.signal,
        onProgress: (progress) => {
          const now = performance.now();
          if (now - lastPaint < PROGRESS_INTERVAL_MS) return;
          lastPaint = now;
          setPhase({ kind: 'running', progress });
        },
      },
      (bytes, suggestedName) => platform.saveFile({ suggestedName, data: bytes }),
    ).then(
      (outcome) => {
        abortRef.current = null;
        if (outcome.saved) {
          setPhase({ kind: 'done', outcome });
        } else setPhase({ kind: 'message', text: t('bundle.notSaved'), error: false });
      },
      (e: unknown) => {
        abortRef.current = null;
        if (e instanceof ExportCancelledError)
          setPhase({ kind: 'message', text: t('bundle.cancelled'), error: false });
        else
          setPhase({
            kind: 'message',
            text: t('bundle.exportFailed', { message: e instanceof Error ? e.message : String(e) }),
            error: true,
          });
      },
    );
  };

  const start = (): void => {
    if (preview.kind !== 'ok') return;
    if (victimMode === 'include-identities' && preview.victims > 0)
      setPhase({ kind: 'confirm-identities', victims: preview.victims });
    else run();
  };

  const running = phase.kind === 'running';
  const progressText = (progress: ExportProgress | null): string => {
    if (progress === null) return t('bundle.progressStart');
    const size = formatBytes(progress.bytesWritten, i18n.language);
    return progress.itemsTotal > 0
      ? t('bundle.progress', {
          current: String(Math.max(1, progress.currentItem)),
          total: String(progress.itemsTotal),
          size,
        })
      : t('bundle.progressNoItems', { size });
  };

  return (
    <div className="bundle-export" data-testid="bundle-export-form">
      <section className="panel wide">
        <h2>{t('bundle.pickTitle')}</h2>
        <p className="muted small">{t('bundle.pickIntro')}</p>
        <div className="bundle-lists">
          <SelectionList
            title={t('bundle.links')}
            items={linkItems}
            selected={links}
            onChange={setLinks}
            testId="bundle-links"
          >
            {data.links.length > 0 && (
              <label className="inline small">
                <input
                  type="checkbox"
                  checked={citedBy}
                  onChange={(e) => setCitedBy(e.target.checked)}
                  data-testid="bundle-cited-by"
                />
                {t('bundle.citedByLinks')}
              </label>
            )}
          </SelectionList>
          <SelectionList
            title={t('bundle.people')}
            items={entityItems}
            selected={entities}
            onChange={setEntities}
            testId="bundle-entities"
          />
          <SelectionList
            title={t('bundle.evidence')}
            items={evidenceItems}
            selected={items}
            onChange={setItems}
            testId="bundle-evidence"
          />
        </div>
        <p
          className={preview.kind === 'problem' ? 'form-error' : 'bundle-preview'}
          data-testid="bundle-preview"
          aria-live="polite"
        >
          {preview.kind === 'empty'
            ? t('bundle.previewEmpty')
            : preview.kind === 'problem'
              ? t('bundle.previewProblem', { message: preview.message })
              : t('bundle.preview', {
                  evidence: String(preview.contents.evidence.length),
                  entities: String(preview.contents.entities.length),
                  links: String(preview.contents.links.length),
                  citations: String(preview.contents.citations.length),
                  victims: String(preview.victims),
                })}
        </p>
      </section>

      <section className="panel wide bundle-options">
        <VictimChoice value={victimMode} onChange={setVictimMode} />
        <OriginalsChoice value={originals} onChange={setOriginals} />
      </section>

      <section className="panel wide">
        <SigningKeyPanel />
        <div className="bundle-go">
          {running ? (
            <>
              <span role="status" className="bundle-progress" data-testid="bundle-progress">
                {progressText(phase.progress)}
              </span>
              <button
                type="button"
                onClick={() => abortRef.current?.abort()}
                data-testid="bundle-cancel"
              >
                {t('bundle.cancel')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={preview.kind !== 'ok'}
              onClick={start}
              data-testid="bundle-export"
            >
              {t('bundle.export')}
            </button>
          )}
        </div>
        <p className="hint">{t('bundle.exportHint')}</p>
        {phase.kind === 'done' && <ExportResult outcome={phase.outcome} />}
        {phase.kind === 'message' && (
          <div
            className={phase.error ? 'form-error' : 'notice'}
            role={phase.error ? 'alert' : 'status'}
            data-testid="bundle-message"
          >
            {phase.text}
          </div>
        )}
      </section>

      {phase.kind === 'confirm-identities' && (
        <ConfirmDialog
          title={t('bundle.victimsConfirmTitle')}
          message={t('bundle.victimsConfirmBody', { count: phase.victims })}
          confirmLabel={t('bundle.victimsConfirmOk')}
          danger
          onConfirm={run}
          onCancel={() => setPhase({ kind: 'idle' })}
        />
      )}
    </div>
  );
}
