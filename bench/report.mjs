// bench/results/latest.md: the scenario table and each figure against its target (issue #5).
const LABEL = { single: 'single event `/v1/{t,p,i}`', batch: '20-event `/v1/batch`', gtag: 'GA4 hit `/g/collect`' };

const verdict = (ok) => (ok === undefined ? 'n/a' : ok ? 'met' : 'MISSED');

function scenarioTable(scenarios) {
  const rows = [
    '| scenario | server | req/s | events/s | p50 ms | p99 ms | p99.9 ms | errors | peak RSS MB (sum / max proc / footprint) | ratio vs no-op | req/s per CPU core (ratio) | delivered/s | spool backlog rows |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [name, s] of Object.entries(scenarios)) {
    const n = s.noop;
    rows.push(`| ${LABEL[name] ?? name} | no-op | ${n.rps} | ${n.events_per_s} | ${n.p50_ms} | ${n.p99_ms} | ${n.p99_9_ms} | ${n.errors} | ${n.rss_mb} / ${n.rss_max_process_mb} / ${n.rss_footprint_mb ?? '-'} | 1 | ${n.rps_per_cpu_core} | | |`);
    rows.push(`| ${LABEL[name] ?? name} | phiwall | ${s.rps} | ${s.events_per_s} | ${s.p50_ms} | ${s.p99_ms} | ${s.p99_9_ms} | ${s.errors} | ${s.rss_mb} / ${s.rss_max_process_mb} / ${s.rss_footprint_mb ?? '-'} | ${s.ratio_vs_noop} | ${s.rps_per_cpu_core} (${s.cpu_ratio_vs_noop}) | ${s.delivered_per_s} | ${s.spool_backlog_rows} |`);
    const h = s.half_load;
    rows.push(`| ${LABEL[name] ?? name} | phiwall @ half max | ${h.rps} | | ${h.p50_ms} | ${h.p99_ms} | ${h.p99_9_ms} | ${h.errors} | | | | | ${h.spool_backlog_rows} |`);
  }
  return rows.join('\n');
}

/** Whose wait the half-load tail was (paced.mjs): the workers' event loops, their GC, or the load generator. */
function stallLines(scenarios) {
  const lines = Object.entries(scenarios).filter(([, s]) => s.half_load?.server_loop_delay_max_ms !== undefined).map(([name, s]) => {
    const h = s.half_load;
    return `- ${LABEL[name] ?? name}: worst worker's event loop late by p99 ${h.server_loop_delay_p99_ms} ms, at most ${h.server_loop_delay_max_ms} ms; GC pauses ${h.gc_pauses} (over 10 ms: ${h.gc_pauses_over_10ms}); the load generator itself late by p99 ${h.client_lag_p99_ms} ms, at most ${h.client_lag_max_ms} ms`;
  });
  return lines.length ? `\nStalls during the half-load runs (phiwall's \`phiwall_event_loop_delay_seconds\` and \`phiwall_gc_pause_seconds\`, and the paced client's own event loop):\n\n${lines.join('\n')}\n` : '';
}

/** What phiwall's footprint peak was made of (measure.mjs): where RSS work has to look. */
function memoryLines(scenarios) {
  const lines = Object.entries(scenarios).filter(([, s]) => s.rss_footprint_parts?.private_mb?.length).map(([name, s]) => {
    const [primary, ...workers] = s.rss_footprint_parts.private_mb;
    return `- ${LABEL[name] ?? name}: primary ${primary} MB, workers ${workers.join(' / ')} MB private; file pages ${s.rss_footprint_parts.shared_file_mb} MB and shmem ${s.rss_footprint_parts.shmem_mb} MB, counted once`;
  });
  return lines.length ? `\nphiwall's footprint at its peak, by process:\n\n${lines.join('\n')}\n` : '';
}

function targets(r) {
  const s = r.scenarios;
  const rss = Math.max(0, ...Object.values(s).map((x) => x.rss_mb));
  const footprint = Math.max(0, ...Object.values(s).map((x) => x.rss_footprint_mb ?? 0));
  const halfP99 = Math.max(0, ...Object.values(s).map((x) => x.half_load.p99_ms));
  const d = r.delivery;
  const lines = [
    ['Batched ingest >= 100,000 events/s (full pack, durable spool)', s.batch && `${s.batch.events_per_s} events/s (${s.batch.rps_per_cpu_core * 20} events/s per CPU core busy)`, s.batch && s.batch.events_per_s >= 100_000],
    ['Single-event req/s >= 85% of no-op', s.single && `${(s.single.ratio_vs_noop * 100).toFixed(1)}% (${s.single.rps} vs ${s.single.noop.rps}); per CPU core ${(s.single.cpu_ratio_vs_noop * 100).toFixed(1)}%`, s.single && s.single.ratio_vs_noop >= 0.85],
    ['p99 <= 25 ms at half of max throughput', `${halfP99} ms (worst scenario)`, Object.keys(s).length ? halfP99 <= 25 : undefined],
    ['Compiled plan >= 200,000 events/s per core', r.micro && `${r.micro.phiwall.events_per_s} events/s (one destination); ${r.micro.phiwall_four_destinations.events_per_s} with the four bench destinations${r.micro.phiwall_unseen ? `; ${r.micro.phiwall_unseen.events_per_s} with every event new to the plan's memos` : ''}`, r.micro && r.micro.phiwall.events_per_s >= 200_000],
    ['Peak RSS <= 250 MB under load (sum over processes)', `${rss} MB${footprint ? ` (footprint, shared file pages counted once: ${footprint} MB)` : ''}`, Object.keys(s).length ? rss <= 250 : undefined],
    ['Delivery keeps up with 20,000 events/s for 60 s, bounded backlog', d && `${d.ingested_events_per_s} events/s ingested; ${d.delivered_share === undefined ? `${d.delivered_events_per_s} events/s delivered` : `${(d.delivered_share * 100).toFixed(1)}% of the ${d.spooled_rows_per_s} rows/s spooled delivered during the run`}; backlog rows at end ${d.backlog_rows_end}`,
      d && d.seconds >= 60 && d.offered_events_per_s >= 20_000 && d.ingested_events_per_s >= 19_000 && (d.delivered_share ?? 0) >= 0.95],
  ];
  return ['| target | measured | verdict |', '|---|---|---|', ...lines.map(([t, m, ok]) => `| ${t} | ${m ?? 'not run'} | ${verdict(ok)} |`)].join('\n');
}

function microTable(m) {
  if (!m) return '';
  return ['| engine | events/s per CPU core (wall) | recall (planted identifiers) | clean items altered |', '|---|---:|---:|---:|',
    `| phiwall compiled plan, one destination | ${m.phiwall.events_per_s} (${m.phiwall.wall_events_per_s}) | ${(m.phiwall.recall * 100).toFixed(1)}% | ${(m.phiwall.clean_altered * 100).toFixed(1)}% |`,
    m.phiwall_unseen ? `| phiwall, one destination, every event's page path, URL, visitor id and a label new to the plan | ${m.phiwall_unseen.events_per_s} (${m.phiwall_unseen.wall_events_per_s}) | | |` : '',
    `| phiwall, the four bench destinations | ${m.phiwall_four_destinations.events_per_s} (${m.phiwall_four_destinations.wall_events_per_s}) | | |`,
    m.phiwall_four_server_shaped ? `| phiwall, the four bench destinations, events as the server hands them (new messageIds, 2,000 visitors, parsed by the ingest) | ${m.phiwall_four_server_shaped.events_per_s} (${m.phiwall_four_server_shaped.wall_events_per_s}) | | |` : '',
    `| redact-pii ${m.redact_pii.version} (npm), every string of the event | ${m.redact_pii.events_per_s} (${m.redact_pii.wall_events_per_s}) | ${(m.redact_pii.recall * 100).toFixed(1)}% | ${(m.redact_pii.clean_altered * 100).toFixed(1)}% |`].filter(Boolean).join('\n');
}

function scaleSection(sc, kept) {
  if (!sc) return '';
  const row = (label, n, x) => `| ${label} | ${n} | ${x.events_per_s} | ${x.rps} | ${x.p50_ms} | ${x.p99_ms} | ${x.errors} | ${x.rss_mb} | ${x.delivered_per_s} | ${x.spool_backlog_rows ?? ''} |`;
  const per = sc.postgres.per_instance.map((p, i) => `instance ${i + 1}: ${p.events_per_s} events/s, p99 ${p.p99_ms} ms, ${p.rss_mb} MB`).join('; ');
  return `## Scale-out on PostgreSQL
${kept ? `\n(from \`${kept.command}\` at ${kept.generated_at})\n` : ''}
${sc.workload}, each instance one process (\`--workers 1\`) on its own port, autocannon's connections split evenly across the instances; PostgreSQL durable (fsync on) on the same machine.

| store | instances | events/s | req/s | p50 ms (worst instance) | p99 ms (worst instance) | errors | peak RSS MB (sum, phiwall only) | delivered rows/s | spool backlog rows |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${row('SQLite', 1, sc.sqlite_single)}
${row('PostgreSQL', sc.instances, sc.postgres)}

Ratio, ${sc.instances} instances on PostgreSQL / one on SQLite: **${sc.ratio_vs_sqlite_single}** (${per}).
`;
}

const keptNote = (r, key) => (r.kept_from?.[key] ? `\n(from \`${r.kept_from[key].command}\` at ${r.kept_from[key].generated_at})\n` : '');

export function renderMarkdown(r) {
  const d = r.delivery;
  return `# phiwall bench — ${r.generated_at}

\`${r.command}\` on ${r.machine.cores} cores (${r.machine.cpu}), Node ${r.machine.node}; ${r.options.connections} connections, ${r.options.duration_s} s per run after ${r.options.warmup_s ?? 1} s of warm-up, phiwall and no-op both with ${r.options.workers} cluster workers. autocannon, the sink and the servers share the machine: figures are noisy. \"@ half max\" rows: an evenly paced open-loop load (bench/paced.mjs) at half the measured maximum, after ${Math.max(3, r.options.warmup_s ?? 3)} s of warm-up at that rate and the delivery of what it spooled, latency from each request's scheduled send time.

## Throughput
${keptNote(r, 'scenarios')}
${scenarioTable(r.scenarios)}
${stallLines(r.scenarios)}${memoryLines(r.scenarios)}
${d ? `## Sustained delivery
${keptNote(r, 'delivery')}
${d.offered_events_per_s} events/s offered in 20-event batches for ${d.seconds} s: ingested ${d.ingested_events_per_s} events/s (errors ${d.errors}, p99 ${d.p99_ms} ms), delivered ${d.delivered_per_s} destination rows/s${d.delivered_share === undefined ? ` (${d.delivered_events_per_s} events/s x 4 destinations)` : ` of ${d.spooled_rows_per_s} spooled (${(d.delivered_share * 100).toFixed(1)}%; an event is one row per destination that takes it: ${(d.spooled_rows_per_s / d.ingested_events_per_s).toFixed(2)} of the 4 here)`}${d.dead_letters ? `, ${d.dead_letters} dead letters` : ''}. Spool backlog rows every 5 s: ${d.backlog_rows_samples.join(', ')}; at the end ${d.backlog_rows_end}; ${d.drain_ms === null ? `not drained within 30 s (${d.backlog_rows_after_drain} rows left)` : `drained in ${(d.drain_ms / 1000).toFixed(1)} s`}.
` : ''}
${scaleSection(r.scale, r.kept_from?.scale)}
## Scrub engine (micro-bench, corpus mix)
${keptNote(r, 'micro')}
${microTable(r.micro)}

## Targets

${targets(r)}
`;
}
