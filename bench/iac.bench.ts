// `npm run bench -- iac`: a generated Terraform repository of 2,000 .tf files (100 root modules of 20 files, each
// file a bucket with its split resources, a security group with a rule resource and a KMS key) scanned by
// `cloudwarden scan iac -f json`; reports wall and CPU time and peak RSS against the target (< 10 s,
// < 500 MB). Writes bench/results/iac.md.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { repo, timed } from './timed-run.ts';

const FILES = Number(process.env.BENCH_IAC_FILES ?? 2000);
const PER_ROOT = 20;
const TARGET_SECONDS = 10;
const RSS_LIMIT_MB = 500;

function file(root: number, n: number): string {
  const name = `bench-${root}-${n}`;
  return `variable "env_${n}" {
  default = "dev"
}

locals {
  name_${n} = "${name}-\${var.env_${n}}"
}

resource "aws_s3_bucket" "b${n}" {
  bucket = local.name_${n}
  tags   = { env = var.env_${n} }
}

resource "aws_s3_bucket_versioning" "b${n}" {
  bucket = aws_s3_bucket.b${n}.id
  versioning_configuration {
    status = ${n % 2 === 0 ? '"Enabled"' : '"Suspended"'}
  }
}

resource "aws_s3_bucket_policy" "b${n}" {
  bucket = aws_s3_bucket.b${n}.id
  policy = data.aws_iam_policy_document.b${n}.json
}

data "aws_iam_policy_document" "b${n}" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.b${n}.arn, "\${aws_s3_bucket.b${n}.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_security_group" "g${n}" {
  name = "${name}"
}

resource "aws_security_group_rule" "g${n}" {
  type              = "ingress"
  security_group_id = aws_security_group.g${n}.id
  protocol          = "tcp"
  from_port         = ${n % 3 === 0 ? 22 : 443}
  to_port           = ${n % 3 === 0 ? 22 : 443}
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_kms_key" "k${n}" {
  enable_key_rotation = ${n % 2 === 0}
}
`;
}

const dir = await mkdtemp(join(tmpdir(), 'cw-iac-bench-'));
try {
  for (let root = 0; root < FILES / PER_ROOT; root++) {
    const rootDir = join(dir, `stack-${root}`);
    await mkdir(rootDir, { recursive: true });
    for (let n = 0; n < PER_ROOT; n++) await writeFile(join(rootDir, `r${n}.tf`), file(root, n));
  }
  const before = loadavg()[0]?.toFixed(1);
  const run = timed(process.execPath, [join(repo, 'bin/cloudwarden.js'), 'scan', 'iac', dir, '-f', 'json', '-q']);
  const results = (JSON.parse(run.stdout) as { results: unknown[] }).results.length;
  const after = loadavg()[0]?.toFixed(1);
  const met = run.seconds < TARGET_SECONDS && run.peakRssMb < RSS_LIMIT_MB;
  const summary = [
    `# iac bench (${new Date().toISOString()})`,
    '',
    `${FILES} .tf files (${FILES / PER_ROOT} root modules), ${results} results: ${run.seconds} s wall, ${run.cpuSeconds} s CPU, ` +
      `peak RSS ${run.peakRssMb} MB (load ${before} before, ${after} after). Target < ${TARGET_SECONDS} s, < ${RSS_LIMIT_MB} MB: ${met ? 'met' : 'NOT met'}.`,
    '',
  ].join('\n');
  await writeFile(join(repo, 'bench/results/iac.md'), summary);
  process.stdout.write(summary);
} finally {
  await rm(dir, { recursive: true, force: true });
}
