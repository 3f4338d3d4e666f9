import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayoutName } from './NetworkCanvas';

type Props = Readonly<{
  importButton: ReactNode;
  protect: boolean;
  onProtect: (on: boolean) => void;
  colourMode: 'role' | 'community';
  onColourMode: (mode: 'role' | 'community') => void;
  layout: LayoutName;
  onLayout: (name: LayoutName) => void;
  /** Breadth-first needs a root: the selected entity. */
  canBreadthFirst: boolean;
  canSaved: boolean;
  onFit: () => void;
  /** Finds an entity by its shown name; false if none matches. */
  onFind: (needle: string) => boolean;
  onNotFound: (text: string) => void;
  /** The picture is not complete yet: an export now would leave links out. */
  exportsDisabled: boolean;
  onExportPicture: (format: 'png' | 'svg') => void;
  onExportFtm: () => void;
}>;

/** Victim protection, colours, layout, fit, find and the exports. */
export function NetworkToolbar(props: Props): ReactNode {
  const { t } = useTranslation();
  const [find, setFind] = useState('');
  return (
    <div className="network-toolbar" role="toolbar" aria-label={t('network.toolbar')}>
      {props.importButton}
      <label className="inline">
        <input
          type="checkbox"
          checked={props.protect}
          onChange={(e) => props.onProtect(e.target.checked)}
          data-testid="protect-victims"
        />{' '}
        {t('network.protect')}
      </label>
      <label className="inline">
        {t('network.colourBy')}{' '}
        <select
          value={props.colourMode}
          onChange={(e) =>
            props.onColourMode(e.target.value === 'community' ? 'community' : 'role')
          }
          data-testid="colour-mode"
        >
          <option value="role">{t('network.colourRole')}</option>
          <option value="community">{t('network.colourCommunity')}</option>
        </select>
      </label>
      <label className="inline">
        {t('network.layout.label')}{' '}
        <select
          value={props.layout}
          onChange={(e) => props.onLayout(e.target.value as LayoutName)}
          data-testid="layout"
        >
          <option value="fcose">{t('network.layout.fcose')}</option>
          <option value="concentric">{t('network.layout.concentric')}</option>
          <option value="breadthfirst" disabled={!props.canBreadthFirst}>
            {t('network.layout.breadthfirst')}
          </option>
          <option value="saved" disabled={!props.canSaved}>
            {t('network.layout.saved')}
          </option>
        </select>
      </label>
      <button type="button" onClick={props.onFit} data-testid="network-fit">
        {t('network.fit')}
      </button>
      <form
        className="network-find"
        onSubmit={(e) => {
          e.preventDefault();
          const needle = find.trim().toLowerCase();
          if (needle === '' || !props.onFind(needle)) props.onNotFound(find);
        }}
      >
        <input
          type="search"
          aria-label={t('network.find')}
          placeholder={t('network.find')}
          value={find}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setFind(e.target.value)}
          data-testid="network-find"
        />
      </form>
      <button
        type="button"
        disabled={props.exportsDisabled}
        onClick={() => props.onExportPicture('png')}
        data-testid="export-png"
      >
        {t('network.exportPng')}
      </button>
      <button
        type="button"
        disabled={props.exportsDisabled}
        onClick={() => props.onExportPicture('svg')}
        data-testid="export-svg"
      >
        {t('network.exportSvg')}
      </button>
      <button
        type="button"
        onClick={props.onExportFtm}
        disabled={props.exportsDisabled}
        data-testid="export-ftm"
        title={t('network.ftm.exportHint')}
      >
        {t('network.ftm.export')}
      </button>
    </div>
  );
}
