// `npm run bench -- vulns`: 1,000,000 synthetic Inspector findings through a mocked, paginated
// ListFindings (100 per page, nextToken) into the CSV report written to a file; reports findings/s and
// peak RSS, and fails when memory grows with the number of findings. Writes bench/results/vulns.md.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Inspector2Client, ListFindingsCommand } from '@aws-sdk/client-inspector2';
import { reportFormat } from '../src/vulns/formats/index.ts';
import { listFindingsPages } from '../src/vulns/inspector-source.ts';
import { writeReport } from '../src/vulns/report.ts';
import { fileSink } from '../src/vulns/sinks.ts';

const TOTAL = Number(process.env.BENCH_FINDINGS ?? 1_000_000);
const PAGE = 100;
const RSS_LIMIT_MB = 300;

const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNTRIAGED'] as const;

/** A package-vulnerability finding on an EC2 instance, built fresh as the SDK would deserialise it. */
function finding(n: number) {
  const hex = n.toString(16).padStart(32, '0');
  const day = 1_704_067_200_000 + (n % 365) * 86_400_000;
  return {
    awsAccountId: '111122223333',
    description: `Synthetic vulnerability ${n}: a heap overflow, reachable over the network, in "libexample".`,
    epss: { score: (n % 1000) / 1000 },
    exploitAvailable: n % 7 === 0 ? 'YES' : 'NO',
    findingArn: `arn:aws:inspector2:us-east-1:111122223333:finding/${hex}`,
    firstObservedAt: new Date(day),
    fixAvailable: n % 3 === 0 ? 'NO' : 'YES',
    inspectorScore: 7.5,
    inspectorScoreDetails: {
      adjustedCvss: {
        score: 7.5,
        scoreSource: 'NVD',
        version: '3.1',
        scoringVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
      },
    },
    lastObservedAt: new Date(day + 3_600_000),
    packageVulnerabilityDetails: {
      cvss: [
        {
          baseScore: 7.5,
          scoringVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
          source: 'NVD',
          version: '3.1',
        },
      ],
      referenceUrls: [`https://nvd.nist.gov/vuln/detail/CVE-2024-${n % 100000}`],
      source: 'NVD',
      sourceUrl: `https://nvd.nist.gov/vuln/detail/CVE-2024-${n % 100000}`,
      vendorCreatedAt: new Date(day - 86_400_000),
      vendorSeverity: 'HIGH',
      vulnerabilityId: `CVE-2024-${n % 100000}`,
      vulnerablePackages: [
        {
          name: 'libexample',
          version: '1.2.3',
          release: '4.amzn2023',
          epoch: 0,
          arch: 'X86_64',
          fixedInVersion: '1.2.4',
          packageManager: 'OS',
          remediation: 'dnf update libexample',
        },
      ],
    },
    remediation: { recommendation: { text: 'None Provided' } },
    resources: [
      {
        details: {
          awsEc2Instance: {
            imageId: 'ami-0c101f26f147fa7fd',
            ipV4Addresses: ['10.0.0.1', '54.1.2.3'],
            platform: 'AMAZON_LINUX_2023',
            vpcId: 'vpc-0e1d2c3b4a5968778',
          },
        },
        id: `i-${hex.slice(-17)}`,
        partition: 'aws',
        region: 'us-east-1',
        tags: { Name: `web-${n % 50}` },
        type: 'AWS_EC2_INSTANCE',
      },
    ],
    severity: SEVERITIES[n % SEVERITIES.length],
    status: 'ACTIVE',
    title: `CVE-2024-${n % 100000} - libexample`,
    type: 'PACKAGE_VULNERABILITY',
    updatedAt: new Date(day + 3_600_000),
  };
}

// A real client whose `send` answers from memory: the paginator's instanceof check passes, no network is
// used, and nothing records the calls (aws-sdk-client-mock keeps every answer, which a million findings
// would turn into gigabytes of the mock's own history).
const client = new Inspector2Client({ region: 'us-east-1' });
let calls = 0;
Object.assign(client, {
  send: async (command: ListFindingsCommand) => {
    if (!(command instanceof ListFindingsCommand))
      throw new Error(`unexpected ${(command as object).constructor.name}`);
    calls += 1;
    const input = command.input;
    const start = input.nextToken ? Number(input.nextToken) : 0;
    const size = Math.min(input.maxResults ?? PAGE, TOTAL - start);
    const findings = Array.from({ length: size }, (_, i) => finding(start + i));
    const next = start + size;
    return { findings, nextToken: next < TOTAL ? String(next) : undefined, $metadata: {} };
  },
});

let peakRss = process.memoryUsage().rss;
const samples: { done: number; rssMb: number }[] = [];
let written = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

const dir = await mkdtemp(join(tmpdir(), 'cloudwarden-vulns-bench-'));
const file = join(dir, 'findings.csv');
const sink = fileSink(file);
const counting = {
  async write(text: string) {
    await sink.write(text);
    written += 1;
    if (written % 1000 === 0) samples.push({ done: written * PAGE, rssMb: process.memoryUsage().rss / 1024 / 1024 });
  },
};
const started = performance.now();
const summary = await writeReport(
  listFindingsPages([client], { findingStatus: [{ comparison: 'EQUALS', value: 'ACTIVE' }] }),
  reportFormat('csv'),
  counting,
  { now: new Date('2025-01-01T00:00:00Z'), color: false },
);
await sink.close();
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const { size } = await stat(file);
await rm(dir, { recursive: true, force: true });

const peakMb = peakRss / 1024 / 1024;
const rate = Math.round(summary.total / seconds);
const first = samples[0];
const last = samples[samples.length - 1];
const growth = first && last ? last.rssMb - first.rssMb : 0;
const ok = summary.total === TOTAL && calls === Math.ceil(TOTAL / PAGE) && peakMb < RSS_LIMIT_MB;

const lines = [
  '# vulns report benchmark',
  '',
  `Generated by \`npm run bench -- vulns\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${process.platform}/${process.arch}).`,
  '',
  `${TOTAL.toLocaleString('en-US')} synthetic package-vulnerability findings (EC2, SDK-shaped with \`Date\` timestamps) from a mocked`,
  `Inspector2 \`ListFindings\` (${PAGE} per page, \`nextToken\`; the client's \`send\` answers from memory: no network, no SDK middleware),`,
  "validated, mapped to the 52 columns of Inspector's CSV report, neutralised and written to a file.",
  '',
  '| measure | value |',
  '| --- | --- |',
  `| findings written | ${summary.total.toLocaleString('en-US')} |`,
  `| ListFindings calls | ${calls.toLocaleString('en-US')} |`,
  `| CSV size | ${(size / 1024 / 1024).toFixed(0)} MB |`,
  `| wall time | ${seconds.toFixed(1)} s |`,
  `| throughput | ${rate.toLocaleString('en-US')} findings/s |`,
  `| peak RSS | ${peakMb.toFixed(0)} MB (limit ${RSS_LIMIT_MB} MB) |`,
  `| machine load at the end | ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores |`,
  `| RSS after ${first?.done.toLocaleString('en-US') ?? '-'} vs ${last?.done.toLocaleString('en-US') ?? '-'} findings | ${first?.rssMb.toFixed(0) ?? '-'} MB vs ${last?.rssMb.toFixed(0) ?? '-'} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MB) |`,
  '',
  'Memory stays flat because the report is sorted in runs of 2,000 findings spilled to a temporary directory and',
  "merged (`writeReport` keeps only the counts for the summary), and the file stream's back-pressure holds it back.",
  '',
];
const text = `${lines.join('\n')}`;
process.stdout.write(text);
await writeFile(fileURLToPath(new URL('./results/vulns.md', import.meta.url)), text);
if (!ok) {
  process.stderr.write(
    `FAILED: ${summary.total}/${TOTAL} findings, ${calls} calls, peak RSS ${peakMb.toFixed(0)} MB\n`,
  );
  process.exit(1);
}
