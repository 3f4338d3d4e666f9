import { esc } from './html';
import { NO_ROLE_COLOUR, ROLE_COLOURS } from '../model';
import { displayName, entityColour, networkSvg } from './networkSvg';
import type { BundleManifest, ManifestEntity, ManifestEvidence, ManifestLink } from './types';

/*
 * report.html: what a judge or defence lawyer reads first. It must open offline in any browser,
 * years from now: one file, no script, no external resource of any kind, and a
 * Content-Security-Policy that forbids fetching anything, so a viewer cannot be tracked by
 * opening it either.
 */

const RELIABILITY: Readonly<Record<ManifestLink['reliability'], string>> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};
const CREDIBILITY: Readonly<Record<ManifestLink['credibility'], string>> = {
  1: 'confirmed',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
};

const LINK_VERBS: Readonly<Record<ManifestLink['type'], string>> = {
  recruited: 'recruited',
  transported: 'transported',
  harboured: 'harboured',
  employed: 'employed',
  paid: 'paid',
  called: 'called',
  owns: 'owns',
  memberOf: 'is a member of',
  worksFor: 'works for',
  family: 'is family of',
  associate: 'is an associate of',
  colludedWith: 'colluded with',
  other: 'is linked to',
};

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function hashCell(hex: string): string {
  return `<code class="hash">${esc(hex.replace(/(.{32})/, '$1\u200b'))}</code>`;
}

function entityDetails(e: ManifestEntity): string {
  const parts: string[] = [];
  for (const post of e.posts ?? [])
    parts.push(
      `${esc(post.position)}${post.rank !== undefined ? `, ${esc(post.rank)}` : ''}, ${esc(post.agency)}` +
        (post.from !== undefined || post.to !== undefined
          ? ` (${esc(post.from ?? '?')} to ${esc(post.to ?? 'present')})`
          : ''),
    );
  if (e.victim?.nationality !== undefined) parts.push(`nationality ${esc(e.victim.nationality)}`);
  if (e.victim?.identificationStatus !== undefined)
    parts.push(`identification: ${esc(e.victim.identificationStatus)}`);
  for (const [k, v] of Object.entries(e.properties)) parts.push(`${esc(k)}: ${esc(v)}`);
  if (e.withheld !== undefined && e.withheld.length > 0)
    parts.push(`<em>withheld to protect the victim: ${esc(e.withheld.join(', '))}</em>`);
  return parts.join('<br>');
}

function aliases(e: ManifestEntity): string {
  const primary = displayName(e);
  const others = e.names.map((n) => n.value).filter((v) => v !== primary);
  return others.length > 0 ? `<div class="aliases">also: ${esc(others.join('; '))}</div>` : '';
}

function linkSentence(link: ManifestLink, names: ReadonlyMap<string, string>): string {
  const a = esc(names.get(link.source) ?? link.source);
  const b = esc(names.get(link.target) ?? link.target);
  const verb = esc(
    link.type === 'other' && link.label !== undefined ? link.label : LINK_VERBS[link.type],
  );
  const refinement =
    link.label !== undefined && link.type !== 'other' ? ` <em>(${esc(link.label)})</em>` : '';
  return link.directed
    ? `<strong>${a}</strong> ${verb} <strong>${b}</strong>${refinement}`
    : `<strong>${a}</strong> and <strong>${b}</strong>: ${verb}${refinement}`;
}

function linkFacts(link: ManifestLink): string {
  const facts: string[] = [];
  if (link.from !== undefined || link.to !== undefined)
    facts.push(
      link.to === undefined || link.to === link.from
        ? `on ${esc(link.from ?? '?')}`
        : `${esc(link.from ?? '?')} to ${esc(link.to)}`,
    );
  if (link.amount !== undefined)
    facts.push(`amount ${esc(link.amount.toLocaleString('en'))} ${esc(link.currency ?? '')}`);
  if (link.count !== undefined) facts.push(`${esc(link.count)} events`);
  facts.push(
    `grading <strong>${esc(link.reliability)}${esc(link.credibility)}</strong>: source ${esc(RELIABILITY[link.reliability])}, information ${esc(CREDIBILITY[link.credibility])}`,
  );
  return facts.join(' · ');
}

export function renderReport(manifest: BundleManifest): string {
  const names = new Map(manifest.entities.map((e) => [e.id as string, displayName(e)]));
  const items = new Map<string, ManifestEvidence>(manifest.evidence.map((i) => [i.id, i]));
  const m = manifest;

  const people = [...m.entities]
    .sort((a, b) => displayName(a).localeCompare(displayName(b)))
    .map(
      (e) =>
        `<tr><td><span class="dot" style="background:${entityColour(e)}"></span>${esc(displayName(e))}${aliases(e)}</td>` +
        `<td>${esc(e.kind)}</td><td>${e.roles.map((r) => `<span class="role role-${esc(r)}">${esc(r)}</span>`).join(' ')}</td>` +
        `<td>${entityDetails(e)}</td></tr>`,
    )
    .join('');

  const linkBlocks = m.links
    .map((link) => {
      const cites = m.citations.filter(
        (c) => c.subject.kind === 'link' && c.subject.id === link.id,
      );
      const evidence =
        cites.length === 0
          ? '<p class="warn">No citation in this bundle supports this link.</p>'
          : `<ul class="quotes">${cites
              .map((c) => {
                const item = items.get(c.evidenceId);
                return `<li><q>${esc(c.quote)}</q> <span class="cite">Exhibit ${esc(item?.exhibitRef ?? c.evidenceId)}, page ${esc(c.pageNumber)}</span></li>`;
              })
              .join('')}</ul>`;
      const notes = link.notes !== undefined ? `<p class="notes">${esc(link.notes)}</p>` : '';
      return `<article class="link"><h3>${linkSentence(link, names)}</h3><p class="facts">${linkFacts(link)}</p>${notes}${evidence}</article>`;
    })
    .join('');

  const entityCites = m.citations.filter((c) => c.subject.kind === 'entity');
  const entityEvidence =
    entityCites.length === 0
      ? ''
      : `<h3>Evidence about people and organisations</h3><ul class="quotes">${entityCites
          .map((c) => {
            const item = items.get(c.evidenceId);
            const who = c.subject.kind === 'entity' ? (names.get(c.subject.id) ?? '') : '';
            return `<li><strong>${esc(who)}</strong>: <q>${esc(c.quote)}</q> <span class="cite">Exhibit ${esc(item?.exhibitRef ?? c.evidenceId)}, page ${esc(c.pageNumber)}</span></li>`;
          })
          .join('')}</ul>`;

  const exhibits = m.evidence
    .map(
      (i) =>
        `<tr><td><strong>${esc(i.exhibitRef)}</strong></td><td>${esc(i.fileName)}<div class="muted">${esc(i.mediaType)}, ${esc(formatSize(i.size))}, ${esc(i.pages.length)} page(s) of text</div></td>` +
        `<td>${esc(i.description)}<div class="muted">seized by ${esc(i.seizedBy)} from ${esc(i.seizedFrom)} at ${esc(i.seizedWhere)}${i.seizedAt !== undefined ? ` on ${esc(i.seizedAt)}` : ''}</div></td>` +
        `<td>${hashCell(i.intakeSha256)}${i.exportSha256 === i.intakeSha256 ? '<div class="ok">unchanged at export</div>' : `<div class="warn">at export: ${hashCell(i.exportSha256)}</div>`}</td>` +
        `<td>${i.original.included ? `<code>${esc(i.original.path)}</code>` : `<span class="warn">not included</span><div class="muted">${esc(i.original.reason)}</div>`}</td></tr>`,
    )
    .join('');

  const custody = m.evidence
    .map(
      (i) =>
        `<details open><summary>Exhibit ${esc(i.exhibitRef)}: ${esc(i.custody.length)} custody entr${i.custody.length === 1 ? 'y' : 'ies'}</summary><table><thead><tr><th>When</th><th>Who</th><th>Action</th><th>Details</th></tr></thead><tbody>${i.custody
          .map(
            (c) =>
              `<tr><td>${esc(c.at)}</td><td>${esc(c.actor.name)}<div class="muted">${esc(c.actor.agency)}, badge ${esc(c.actor.badge)}</div></td><td>${esc(c.action)}</td><td>${esc(c.details)}</td></tr>`,
          )
          .join('')}</tbody></table></details>`,
    )
    .join('');

  const audit =
    m.audit.length === 0
      ? '<p class="muted">No audit entries concern the exported records.</p>'
      : `<table><thead><tr><th>#</th><th>When</th><th>Who</th><th>Action</th><th>Record</th><th>Details</th></tr></thead><tbody>${m.audit
          .map(
            (a) =>
              `<tr><td>${esc(a.seq)}</td><td>${esc(a.at)}</td><td>${esc(a.actor.name)}</td><td>${esc(a.action)}</td><td>${esc(a.table)}</td><td>${esc(a.summary)}</td></tr>`,
          )
          .join('')}</tbody></table>`;

  const legend = Object.entries(ROLE_COLOURS)
    .map(
      ([role, colour]) =>
        `<span><i class="dot" style="background:${colour}"></i>${esc(role)}</span>`,
    )
    .join('');

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Evidence bundle ${esc(m.case.reference)}: ${esc(m.case.title)}</title>
<style>
body{font-family:system-ui,'Noto Sans','Noto Sans Khmer','Noto Sans Thai',sans-serif;color:#1b1b1b;margin:0;background:#f4f5f7;line-height:1.45}
main{max-width:1100px;margin:0 auto;padding:24px 32px 48px;background:#fff;box-shadow:0 0 0 1px #e0e0e0}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 12px;padding-bottom:4px;border-bottom:2px solid #263238}h3{font-size:15px;margin:0 0 4px;font-weight:500}
.sub{color:#455a64;margin:0 0 16px}
.notice{border-left:5px solid #00796b;background:#e0f2f1;padding:10px 14px;margin:10px 0}
.notice.orig{border-color:#ef6c00;background:#fff3e0}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:12px 0}dl.meta dt{font-weight:600;color:#455a64}dl.meta dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:14px;margin:8px 0}th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #e0e0e0}th{background:#eceff1;font-weight:600}
.dot{display:inline-block;width:11px;height:11px;border-radius:50%;margin-right:7px;vertical-align:baseline}
.role{display:inline-block;padding:1px 7px;border-radius:9px;font-size:12px;background:#eceff1;margin:1px 0}
.role-victim{background:#e0f2f1;color:#004d40}.role-official{background:#f3e5f5;color:#4a148c;font-weight:700}.role-recruiter,.role-broker,.role-suspect,.role-transporter,.role-financier{background:#ffebee;color:#b71c1c}
.aliases,.muted{color:#607d8b;font-size:12px}
.network{text-align:center;overflow-x:auto;border:1px solid #e0e0e0;border-radius:6px;padding:8px;background:#fafafa}.network svg{max-width:100%;height:auto}
.legend{display:flex;flex-wrap:wrap;gap:6px 16px;font-size:12px;color:#455a64;margin:6px 0}.legend i{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:5px}
article.link{border:1px solid #e0e0e0;border-radius:6px;padding:10px 14px;margin:10px 0}.facts{margin:2px 0 6px;color:#37474f;font-size:14px}.notes{font-style:italic;color:#455a64;margin:4px 0}
ul.quotes{margin:4px 0;padding-left:20px}ul.quotes li{margin:3px 0}q{font-family:Georgia,'Noto Serif',serif}.cite{color:#546e7a;font-size:13px;white-space:nowrap}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}code.hash{word-break:break-all}
.ok{color:#2e7d32;font-size:12px}.warn{color:#c62828;font-weight:600}
details{margin:6px 0}summary{cursor:pointer;font-weight:600}
pre{background:#263238;color:#eceff1;padding:10px 14px;border-radius:6px;overflow-x:auto}
@media print{body{background:#fff}main{box-shadow:none}}
</style>
</head>
<body>
<main>
<h1>Evidence bundle: ${esc(m.case.title)}</h1>
<p class="sub">Case ${esc(m.case.reference)} · status ${esc(m.case.status)}</p>
${m.case.summary !== '' ? `<p>${esc(m.case.summary)}</p>` : ''}
<dl class="meta">
<dt>Exported by</dt><dd>${esc(m.exportedBy.name)}, ${esc(m.exportedBy.agency)} (badge ${esc(m.exportedBy.badge)})</dd>
<dt>Exported at</dt><dd>${esc(m.exportedAt)}</dd>
<dt>Signed with</dt><dd>Ed25519 key, fingerprint <code>${esc(m.signer.fingerprint)}</code></dd>
<dt>Contents</dt><dd>${esc(m.entities.length)} people and entities, ${esc(m.links.length)} links, ${esc(m.citations.length)} citations, ${esc(m.evidence.length)} exhibits</dd>
</dl>
<div class="notice" id="victim-protection"><strong>Victim protection.</strong> ${esc(m.victimProtection.statement)}</div>
<div class="notice orig" id="originals"><strong>Originals.</strong> ${esc(m.originals.statement)}</div>

<h2>Network</h2>
<div class="network">${networkSvg(m.entities, m.links)}</div>
<div class="legend">${legend}<span><i class="dot" style="background:${NO_ROLE_COLOUR}"></i>other</span><span>● person · ■ organisation · ◆ other kind · double ring: official</span><span>line: solid A–B, dashed C–D, dotted E–F (source reliability)</span></div>

<h2>People and roles</h2>
<table id="people"><thead><tr><th>Name</th><th>Kind</th><th>Roles</th><th>Details</th></tr></thead><tbody>${people}</tbody></table>

<h2>Links and their evidence</h2>
${linkBlocks || '<p class="muted">No links in this bundle.</p>'}
${entityEvidence}

<h2>Exhibits</h2>
<table id="exhibits"><thead><tr><th>Exhibit</th><th>File</th><th>Description and seizure</th><th>SHA-256 at intake</th><th>Original in bundle</th></tr></thead><tbody>${exhibits}</tbody></table>

<h2>Chain of custody</h2>
${custody || '<p class="muted">No exhibits.</p>'}

<h2>Audit log entries</h2>
${audit}

<h2>How to verify this bundle</h2>
<p>The file <code>manifest.json</code> lists every file of this bundle with its size and SHA-256, and <code>manifest.sig</code> is an Ed25519 signature over it. Anyone can check that nothing was changed, added or removed since export, without Ringtrace's database:</p>
<pre>npm run cli -- verify BUNDLE.zip --key "${esc(m.signer.fingerprint)}"</pre>
<p>Confirm the key fingerprint with the exporting agency by a separate channel: a bundle re-signed by someone else carries a different fingerprint.</p>
<p class="muted">Without Ringtrace: <code>manifest.sig</code> is the raw 64-byte Ed25519 signature (RFC 8032) of the exact bytes of <code>manifest.json</code>; <code>signer.json</code> holds the 32-byte public key in hex, and the fingerprint is the SHA-256 of those 32 bytes. Any Ed25519 and SHA-256 tool can repeat the checks.</p>
</main>
</body>
</html>
`;
}
