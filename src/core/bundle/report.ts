import {
  NO_ROLE_COLOUR,
  ROLE_COLOURS,
  ROLES,
  ENTITY_KINDS,
  KIND_SHAPES,
  type Role,
} from '../model';
import { fingerprintOf, hexToBytesStrict } from './bytes';
import { handoverProblem } from './handover';
import { esc } from './html';
import { displayName, entityColour, networkSvg, officialRing, shapeSvg } from './networkSvg';
import { REPORT_FONT_FACES, REPORT_FONT_FAMILY } from './reportFonts.generated';
import { REPORT_STRINGS, type ReportStrings } from './reportStrings';
import type {
  BundleManifest,
  ManifestCustodyEntry,
  ManifestEntity,
  ManifestEvidence,
  ManifestLink,
} from './types';

/*
 * report.html: what a judge or defence lawyer reads first. It must open offline in any browser,
 * years from now, on a machine with no Khmer or Thai font: one file, no script, no external
 * resource of any kind (its fonts are embedded as data: URLs), and a Content-Security-Policy
 * that forbids fetching anything, so a viewer cannot be tracked by opening it either. It is
 * written in the language the exporting officer chose, with times in the case's time zone.
 */

export type ReportExtras = Readonly<{
  /** SHA-256 of each file under verify/, for a reader who checks the verifier separately. */
  verifier?: readonly Readonly<{ path: string; sha256: string }>[];
  /** Corrected pages: the first text and the corrected one (both already pseudonymised). */
  corrections?: readonly Readonly<{
    exhibitRef: string;
    page: number;
    before: string;
    after: string;
  }>[];
}>;

type Formatter = Readonly<{
  /** A timestamp or an ISO date, as this report's reader writes it. */
  time: (iso: string) => string;
  day: (iso: string) => string;
  clock: (iso: string) => string;
  number: (n: number) => string;
  zoneLabel: string;
}>;

function formatter(s: ReportStrings, requestedZone: string): Formatter {
  let zone = requestedZone;
  try {
    new Intl.DateTimeFormat(s.locale, { timeZone: zone });
  } catch {
    zone = 'UTC';
  }
  const full = new Intl.DateTimeFormat(s.locale, {
    timeZone: zone,
    dateStyle: 'long',
    timeStyle: 'short',
    // Court records use the 24-hour clock, and it keeps AM/PM in English out of Khmer text.
    hourCycle: 'h23',
  });
  const dayOnly = new Intl.DateTimeFormat(s.locale, { timeZone: zone, dateStyle: 'long' });
  const dateUtc = new Intl.DateTimeFormat(s.locale, { timeZone: 'UTC', dateStyle: 'long' });
  const clockOnly = new Intl.DateTimeFormat(s.locale, {
    timeZone: zone,
    timeStyle: 'short',
    hourCycle: 'h23',
  });
  const offset =
    new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const parse = (iso: string): Date | null => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? null : d;
  };
  return {
    time: (iso) => {
      // A calendar date is a day, not an instant: never shifted by the time zone.
      if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
        const d = parse(`${iso}T00:00:00Z`);
        return d === null ? iso : dateUtc.format(d);
      }
      if (/^\d{4}(-\d{2})?$/.test(iso)) return iso;
      const d = parse(iso);
      return d === null ? iso : full.format(d);
    },
    day: (iso) => {
      const d = parse(iso);
      return d === null ? iso : dayOnly.format(d);
    },
    clock: (iso) => {
      const d = parse(iso);
      return d === null ? iso : clockOnly.format(d);
    },
    number: (n) => n.toLocaleString(s.locale),
    zoneLabel: `${zone}${offset !== '' ? ` (${offset})` : ''}`,
  };
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function hashCell(hex: string): string {
  return `<code class="hash">${esc(hex.replace(/(.{32})/, '$1\u200b'))}</code>`;
}

function roleName(s: ReportStrings, role: string): string {
  return (s.roleNames as Readonly<Record<string, string>>)[role] ?? role;
}

function entityDetails(e: ManifestEntity, s: ReportStrings, f: Formatter): string {
  const parts: string[] = [];
  for (const post of e.posts ?? [])
    parts.push(
      `${esc(post.position)}${post.rank !== undefined ? `, ${esc(post.rank)}` : ''}, ${esc(post.agency)}` +
        (post.from !== undefined || post.to !== undefined
          ? ` (${esc(s.postDates(post.from !== undefined ? f.time(post.from) : '?', post.to !== undefined ? f.time(post.to) : s.present))})`
          : ''),
    );
  if (e.victim?.nationality !== undefined)
    parts.push(`${esc(s.nationality)}: ${esc(e.victim.nationality)}`);
  if (e.victim?.identificationStatus !== undefined)
    parts.push(
      `${esc(s.identification)}: ${esc(s.identificationStatus[e.victim.identificationStatus])}`,
    );
  for (const [k, v] of Object.entries(e.properties)) parts.push(`${esc(k)}: ${esc(v)}`);
  if (e.withheld !== undefined && e.withheld.length > 0)
    parts.push(`<em>${esc(s.withheld)}: ${esc(e.withheld.join(', '))}</em>`);
  return parts.join('<br>');
}

function aliases(e: ManifestEntity, s: ReportStrings): string {
  const primary = displayName(e);
  const others = e.names.map((n) => n.value).filter((v) => v !== primary);
  return others.length > 0
    ? `<div class="aliases">${esc(s.alsoKnownAs)}: ${esc(others.join('; '))}</div>`
    : '';
}

function linkSentence(link: ManifestLink, names: ReadonlyMap<string, string>, s: ReportStrings) {
  const a = `<strong>${esc(names.get(link.source) ?? link.source)}</strong>`;
  const b = `<strong>${esc(names.get(link.target) ?? link.target)}</strong>`;
  const verb = esc(
    link.type === 'other' && link.label !== undefined ? link.label : s.linkVerbs[link.type],
  );
  const refinement =
    link.label !== undefined && link.type !== 'other' ? ` <em>(${esc(link.label)})</em>` : '';
  return link.directed
    ? `${a} ${verb} ${b}${refinement}`
    : `${s.undirected(a, b, verb)}${refinement}`;
}

function linkFacts(link: ManifestLink, s: ReportStrings, f: Formatter): string {
  const facts: string[] = [];
  if (link.from !== undefined || link.to !== undefined)
    facts.push(
      esc(
        link.to === undefined || link.to === link.from
          ? s.on(f.time(link.from ?? '?'))
          : s.fromTo(f.time(link.from ?? '?'), f.time(link.to)),
      ),
    );
  if (link.amount !== undefined)
    facts.push(`${esc(s.amount)} ${esc(f.number(link.amount))} ${esc(link.currency ?? '')}`);
  if (link.count !== undefined) facts.push(esc(s.events(link.count)));
  facts.push(
    esc(
      s.grading(
        `${link.reliability}${link.credibility}`,
        s.reliability[link.reliability],
        s.credibility[link.credibility],
      ),
    ).replace(/^(\S+ )(\S+)/, '$1<strong>$2</strong>'),
  );
  return facts.join(' · ');
}

function actorCell(actor: ManifestCustodyEntry['actor'], s: ReportStrings): string {
  return `${esc(actor.name)}<div class="muted">${esc(actor.agency)}, ${esc(s.badge)} ${esc(actor.badge)}</div>`;
}

function actorText(actor: ManifestCustodyEntry['actor'], s: ReportStrings): string {
  return `${actor.name} (${actor.agency}, ${s.badge} ${actor.badge})`;
}

/**
 * One exhibit's custody as a court reads it: every hand-over and change on its own line, and
 * the many "viewed page" entries folded into one line per day and user.
 */
function custodyRows(item: ManifestEvidence, s: ReportStrings, f: Formatter): string {
  type Row = { at: string; html: string };
  const rows: Row[] = [];
  const views = new Map<
    string,
    {
      first: string;
      last: string;
      pages: Set<string>;
      count: number;
      row: Row;
      entry: ManifestCustodyEntry;
    }
  >();
  for (const c of item.custody) {
    if (c.action === 'view') {
      const key = `${f.day(c.at)}\u0000${c.actor.name}\u0000${c.actor.badge}`;
      const page = /page (\d+)/i.exec(c.details)?.[1];
      const group = views.get(key);
      if (group !== undefined) {
        group.count++;
        group.last = c.at;
        if (page !== undefined) group.pages.add(page);
        continue;
      }
      const row: Row = { at: c.at, html: '' };
      views.set(key, {
        first: c.at,
        last: c.at,
        pages: new Set(page !== undefined ? [page] : []),
        count: 1,
        row,
        entry: c,
      });
      rows.push(row);
      continue;
    }
    let details = esc(c.details);
    if (c.action === 'transfer' && c.transfer !== undefined) {
      const t = c.transfer;
      details = esc(s.handover(actorText(t.from, s), actorText(t.to, s), t.reason));
      let signed = false;
      if (t.receiverPublicKeyHex !== undefined && handoverProblem(c, item.intakeSha256) === null) {
        try {
          const fp = fingerprintOf(hexToBytesStrict(t.receiverPublicKeyHex, 32, 'key'));
          details += `<div class="ok">${esc(s.handoverSigned(fp))}</div>`;
          signed = true;
        } catch {
          signed = false;
        }
      }
      if (!signed) details += `<div class="muted">${esc(s.handoverUnsigned)}</div>`;
    }
    rows.push({
      at: c.at,
      html: `<tr data-action="${esc(c.action)}"><td>${esc(f.time(c.at))}</td><td>${actorCell(c.actor, s)}</td><td>${esc(s.actions[c.action])}</td><td>${details}</td></tr>`,
    });
  }
  for (const group of views.values()) {
    const pages = [...group.pages].sort((a, b) => Number(a) - Number(b));
    const what =
      pages.length === 0 ? '' : `${pages.length === 1 ? 'p.' : 'pp.'} ${pages.join(', ')}`;
    group.row.html = `<tr data-action="view" data-folded="${group.count}"><td>${esc(f.day(group.first))}</td><td>${actorCell(group.entry.actor, s)}</td><td>${esc(s.actions.view)}</td><td>${esc(s.viewedFolded(what, group.count, f.clock(group.first), f.clock(group.last)))}</td></tr>`;
  }
  return rows.map((r) => r.html).join('');
}

function legendHtml(s: ReportStrings): string {
  const icon = (inner: string, w = 22): string =>
    `<svg width="${w}" height="22" viewBox="0 0 ${w} 22" aria-hidden="true">${inner}</svg>`;
  const roles = (ROLES as readonly Role[])
    .map(
      (role) =>
        `<span>${icon(`<circle cx="11" cy="11" r="6" fill="${ROLE_COLOURS[role]}"/>`)}${esc(roleName(s, role))}</span>`,
    )
    .join('');
  const kinds = ENTITY_KINDS.map(
    (kind) =>
      `<span data-shape="${esc(KIND_SHAPES[kind])}">${icon(shapeSvg(kind, 11, 11, 7, '#78909c'))}${esc(s.kinds[kind])}</span>`,
  ).join('');
  const lines = (['solid', 'dashed', 'dotted'] as const)
    .map(
      (style) =>
        `<span>${icon(`<line x1="2" y1="11" x2="34" y2="11" stroke="#455a64" stroke-width="2"${style === 'solid' ? '' : ` stroke-dasharray="${style === 'dashed' ? '7 4' : '2 4'}"`}/>`, 36)}${esc(s.lineStyles[style])}</span>`,
    )
    .join('');
  return (
    `<div class="legend" id="legend"><div><b>${esc(s.legendRoles)}</b>${roles}<span>${icon(`<circle cx="11" cy="11" r="6" fill="${NO_ROLE_COLOUR}"/>`)}${esc(s.noRole)}</span></div>` +
    `<div><b>${esc(s.legendKinds)}</b>${kinds}</div>` +
    `<div><span>${icon(officialRing(11, 11, 2) + '<circle cx="11" cy="11" r="2" fill="#6a1b9a"/>')}<b>${esc(s.legendOfficial)}</b></span></div>` +
    `<div><b>${esc(s.legendLines)}</b>${lines}</div></div>`
  );
}

export function renderReport(manifest: BundleManifest, extras: ReportExtras = {}): string {
  const m = manifest;
  const s = REPORT_STRINGS[m.reportLanguage ?? 'en'];
  const f = formatter(s, m.timeZone ?? 'UTC');
  const names = new Map(m.entities.map((e) => [e.id as string, displayName(e)]));
  const items = new Map<string, ManifestEvidence>(m.evidence.map((i) => [i.id, i]));

  const people = [...m.entities]
    .sort((a, b) => displayName(a).localeCompare(displayName(b)))
    .map(
      (e) =>
        `<tr><td><span class="dot" style="background:${entityColour(e)}"></span>${esc(displayName(e))}${aliases(e, s)}</td>` +
        `<td>${esc(s.kinds[e.kind] ?? e.kind)}</td><td>${e.roles.map((r) => `<span class="role role-${esc(r)}">${esc(roleName(s, r))}</span>`).join(' ')}</td>` +
        `<td>${entityDetails(e, s, f)}</td></tr>`,
    )
    .join('');

  const cite = (evidenceId: string, pageNumber: number): string => {
    const item = items.get(evidenceId);
    return `<span class="cite">${esc(s.exhibitPage(item?.exhibitRef ?? evidenceId, pageNumber))}</span>`;
  };
  const linkBlocks = m.links
    .map((link) => {
      const cites = m.citations.filter(
        (c) => c.subject.kind === 'link' && c.subject.id === link.id,
      );
      const evidence =
        cites.length === 0
          ? `<p class="warn">${esc(s.noCitation)}</p>`
          : `<ul class="quotes">${cites.map((c) => `<li><q>${esc(c.quote)}</q> ${cite(c.evidenceId, c.pageNumber)}</li>`).join('')}</ul>`;
      const notes = link.notes !== undefined ? `<p class="notes">${esc(link.notes)}</p>` : '';
      return `<article class="link"><h3>${linkSentence(link, names, s)}</h3><p class="facts">${linkFacts(link, s, f)}</p>${notes}${evidence}</article>`;
    })
    .join('');

  const entityCites = m.citations.filter((c) => c.subject.kind === 'entity');
  const entityEvidence =
    entityCites.length === 0
      ? ''
      : `<h3>${esc(s.evidenceAboutPeople)}</h3><ul class="quotes">${entityCites
          .map((c) => {
            const who = c.subject.kind === 'entity' ? (names.get(c.subject.id) ?? '') : '';
            return `<li><strong>${esc(who)}</strong>: <q>${esc(c.quote)}</q> ${cite(c.evidenceId, c.pageNumber)}</li>`;
          })
          .join('')}</ul>`;

  const exhibits = m.evidence
    .map((i) => {
      const original = i.original.included
        ? `<code>${esc(i.original.path)}</code>`
        : `<span class="warn">${esc(s.notIncluded)}</span><div class="muted">${esc(i.original.reason)}</div>` +
          (i.original.pseudonymisedPath !== undefined
            ? `<div>${esc(s.pseudonymisedText)}: <code>${esc(i.original.pseudonymisedPath)}</code></div>`
            : '');
      return (
        `<tr><td><strong>${esc(i.exhibitRef)}</strong></td><td>${esc(i.fileName)}<div class="muted">${esc(i.mediaType)}, ${esc(formatSize(i.size))}, ${esc(s.pagesOfText(i.pages.length))}</div></td>` +
        `<td>${esc(i.description)}<div class="muted">${esc(s.seized(i.seizedBy, i.seizedFrom, i.seizedWhere, i.seizedAt !== undefined ? f.time(i.seizedAt) : ''))}</div></td>` +
        `<td>${hashCell(i.intakeSha256)}${i.exportSha256 === i.intakeSha256 ? `<div class="ok">${esc(s.unchangedAtExport)}</div>` : `<div class="warn">${esc(s.atExport)}: ${hashCell(i.exportSha256)}</div>`}</td>` +
        `<td>${original}</td></tr>`
      );
    })
    .join('');

  const custody = m.evidence
    .map(
      (i) =>
        `<details open><summary>${esc(s.custodyCount(i.exhibitRef, i.custody.length))}</summary><table class="custody" data-exhibit="${esc(i.exhibitRef)}"><thead><tr><th>${esc(s.when)}</th><th>${esc(s.who)}</th><th>${esc(s.action)}</th><th>${esc(s.details)}</th></tr></thead><tbody>${custodyRows(i, s, f)}</tbody></table></details>`,
    )
    .join('');

  const corrections = extras.corrections ?? [];
  const correctionsHtml =
    corrections.length === 0
      ? ''
      : `<h2 id="corrections">${esc(s.corrections)}</h2><p>${esc(s.correctionIntro)}</p>${corrections
          .map(
            (c) =>
              `<article class="correction"><h3>${esc(s.correctedPage(c.exhibitRef, c.page))}</h3><div class="two"><div><b>${esc(s.before)}</b><pre class="text">${esc(c.before)}</pre></div><div><b>${esc(s.after)}</b><pre class="text">${esc(c.after)}</pre></div></div></article>`,
          )
          .join('')}`;

  const audit =
    m.audit.length === 0
      ? `<p class="muted">${esc(s.noAudit)}</p>`
      : `<table><thead><tr><th>#</th><th>${esc(s.when)}</th><th>${esc(s.who)}</th><th>${esc(s.action)}</th><th>${esc(s.record)}</th><th>${esc(s.details)}</th></tr></thead><tbody>${m.audit
          .map(
            (a) =>
              `<tr><td>${esc(a.seq)}</td><td>${esc(f.time(a.at))}</td><td>${esc(a.actor.name)}</td><td><code>${esc(a.action)}</code></td><td>${esc(a.table)}</td><td>${esc(a.summary)}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const auditHead =
    m.auditHead !== undefined
      ? `<p class="muted">${esc(s.auditHead(m.auditHead.count, m.auditHead.lastHash))}</p>`
      : '';

  const vp = m.victimProtection;
  const last = `V-${String(vp.victimCount).padStart(3, '0')}`;
  const victimStatement =
    vp.mode === 'identities-included'
      ? s.victimsIncluded(vp.victimCount)
      : vp.victimCount === 0
        ? s.noVictims
        : s.victimsPseudonymised(vp.victimCount === 1 ? 'V-001' : `V-001 – ${last}`);
  const typed = m.evidence.filter(
    (i) => !i.original.included && i.original.pseudonymisedPath !== undefined,
  ).length;
  const leftOut = m.evidence.filter((i) => !i.original.included).length - typed;
  const originalsStatement =
    (m.originals.policy === 'none'
      ? s.originalsNone
      : m.originals.policy === 'not-naming-victims'
        ? s.originalsSome(leftOut, m.evidence.length)
        : s.originalsAll) + (typed > 0 ? ` ${s.typedPseudonymised(typed)}` : '');
  const picture = networkSvg(m.entities, m.links, s);
  const footnotes =
    picture.footnotes.length === 0
      ? ''
      : `<ol class="footnotes">${picture.footnotes.map((fn) => `<li value="${fn.n}">${esc(fn.text)}</li>`).join('')}</ol>`;
  const verifierHashes = (extras.verifier ?? [])
    .filter((v) => !v.path.endsWith('.txt'))
    .map((v) => `<li><code>${esc(v.path)}</code> SHA-256 ${hashCell(v.sha256)}</li>`)
    .join('');
  const fp = esc(m.signer.fingerprint);
  const status = (s.status as Readonly<Record<string, string>>)[m.case.status] ?? m.case.status;

  return `<!DOCTYPE html>
<html lang="${s.htmlLang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(s.title)} ${esc(m.case.reference)}: ${esc(m.case.title)}</title>
<style>
${REPORT_FONT_FACES}
body{font-family:'${REPORT_FONT_FAMILY}',sans-serif;color:#1b1b1b;margin:0;background:#f4f5f7;line-height:1.55}
main{max-width:1100px;margin:0 auto;padding:24px 32px 48px;background:#fff;box-shadow:0 0 0 1px #e0e0e0}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 12px;padding-bottom:4px;border-bottom:2px solid #263238}h3{font-size:15px;margin:0 0 4px;font-weight:400}
.sub{color:#455a64;margin:0 0 16px}
.notice{border-left:5px solid #00796b;background:#e0f2f1;padding:10px 14px;margin:10px 0}
.notice.orig{border-color:#ef6c00;background:#fff3e0}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:12px 0}dl.meta dt{font-weight:700;color:#455a64}dl.meta dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:14px;margin:8px 0}th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #e0e0e0}th{background:#eceff1;font-weight:700}
.dot{display:inline-block;width:11px;height:11px;border-radius:50%;margin-right:7px;vertical-align:baseline}
.role{display:inline-block;padding:1px 7px;border-radius:9px;font-size:12px;background:#eceff1;margin:1px 0}
.role-victim{background:#e0f2f1;color:#004d40}.role-official{background:#fff8e1;color:#4a148c;font-weight:700;box-shadow:0 0 0 2px #f9a825}.role-recruiter,.role-broker,.role-suspect,.role-transporter,.role-financier{background:#ffebee;color:#b71c1c}
.aliases,.muted{color:#607d8b;font-size:12px}
.network{text-align:center;overflow-x:auto;border:1px solid #e0e0e0;border-radius:6px;padding:8px;background:#fafafa}.network svg{max-width:100%;height:auto}
.legend{font-size:12px;color:#37474f;margin:6px 0}.legend div{display:flex;flex-wrap:wrap;align-items:center;gap:2px 14px;margin:3px 0}.legend span{display:inline-flex;align-items:center;gap:3px}.legend b{margin-right:4px}
ol.footnotes{font-size:13px;color:#37474f}
article.link,article.correction{border:1px solid #e0e0e0;border-radius:6px;padding:10px 14px;margin:10px 0}.facts{margin:2px 0 6px;color:#37474f;font-size:14px}.notes{font-style:italic;color:#455a64;margin:4px 0}
.two{display:grid;grid-template-columns:1fr 1fr;gap:12px}pre.text{white-space:pre-wrap;background:#f5f5f5;color:#1b1b1b;font-family:inherit;font-size:13px}
ul.quotes{margin:4px 0;padding-left:20px}ul.quotes li{margin:3px 0}.cite{color:#546e7a;font-size:13px;white-space:nowrap}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}code.hash{word-break:break-all}
.ok{color:#2e7d32;font-size:12px}.warn{color:#c62828;font-weight:700}
details{margin:6px 0}summary{cursor:pointer;font-weight:700}
pre{background:#263238;color:#eceff1;padding:10px 14px;border-radius:6px;overflow-x:auto}
@media print{body{background:#fff}main{box-shadow:none}}
</style>
</head>
<body>
<main>
<h1>${esc(s.title)}: ${esc(m.case.title)}</h1>
<p class="sub">${esc(s.caseLine(m.case.reference, status))}</p>
${m.case.summary !== '' ? `<p>${esc(m.case.summary)}</p>` : ''}
<dl class="meta">
<dt>${esc(s.exportedBy)}</dt><dd>${esc(m.exportedBy.name)}, ${esc(m.exportedBy.agency)} (${esc(s.badge)} ${esc(m.exportedBy.badge)})</dd>
<dt>${esc(s.exportedAt)}</dt><dd id="exported-at">${esc(f.time(m.exportedAt))}</dd>
<dt>${esc(s.timesIn)}</dt><dd id="time-zone">${esc(f.zoneLabel)}</dd>
<dt>${esc(s.signedWith)}</dt><dd>${esc(s.signedWithText(m.signer.fingerprint)).replace(fp, `<code>${fp}</code>`)}</dd>
<dt>${esc(s.contents)}</dt><dd>${esc(s.contentsText(m.entities.length, m.links.length, m.citations.length, m.evidence.length))}</dd>
<dt>${esc(s.formatVersion)}</dt><dd>${esc(m.format)} ${esc(m.version)}</dd>
</dl>
<div class="notice" id="victim-protection"><strong>${esc(s.victimProtection)}</strong> ${esc(victimStatement)}</div>
<div class="notice orig" id="originals"><strong>${esc(s.originals)}</strong> ${esc(originalsStatement)}</div>

<h2>${esc(s.network)}</h2>
<div class="network">${picture.svg}</div>
${footnotes}
${legendHtml(s)}

<h2>${esc(s.peopleAndRoles)}</h2>
<table id="people"><thead><tr><th>${esc(s.name)}</th><th>${esc(s.kind)}</th><th>${esc(s.roles)}</th><th>${esc(s.details)}</th></tr></thead><tbody>${people}</tbody></table>

<h2>${esc(s.linksAndEvidence)}</h2>
${linkBlocks || `<p class="muted">${esc(s.noLinks)}</p>`}
${entityEvidence}

<h2>${esc(s.exhibits)}</h2>
<table id="exhibits"><thead><tr><th>${esc(s.exhibit)}</th><th>${esc(s.file)}</th><th>${esc(s.descriptionAndSeizure)}</th><th>${esc(s.sha256AtIntake)}</th><th>${esc(s.originalInBundle)}</th></tr></thead><tbody>${exhibits}</tbody></table>
${correctionsHtml}

<h2 id="custody">${esc(s.custody)}</h2>
${custody}

<h2>${esc(s.audit)}</h2>
${audit}
${auditHead}

<h2 id="how-to-verify">${esc(s.howToVerify)}</h2>
<p>${esc(s.verifyIntro)}</p>
<p>${esc(s.verifyBrowser)}</p>
<p>${esc(s.verifyNode)}</p>
<pre>node verify/verify.mjs BUNDLE.zip --key "${fp}"</pre>
<p>${esc(s.verifyCli)}</p>
<pre>npm run cli -- verify BUNDLE.zip --key "${fp}"</pre>
<p>${esc(s.verifyKey)}</p>
${verifierHashes !== '' ? `<p>${esc(s.verifyCopy)}</p><ul>${verifierHashes}</ul>` : ''}
<p class="muted">${esc(s.verifyManual)}</p>
</main>
</body>
</html>
`;
}
