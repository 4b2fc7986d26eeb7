import { z } from 'zod';
import { perResourceResponses, responseOr } from '../../model/response-schema.ts';

/** `aws iam get-policy-version` prints the document as JSON; the SDK returns it URL-encoded text. */
const policyDocument = z.union([z.string(), z.record(z.string(), z.unknown())]);

/** Inline policies of a user, group or role (`UserPolicyList`, `GroupPolicyList`, `RolePolicyList`). */
const inlinePolicies = z
  .array(z.looseObject({ PolicyName: z.string(), PolicyDocument: policyDocument.optional() }))
  .optional();

/** What users, groups and roles of GetAccountAuthorizationDetails have in common. */
const principalDetail = {
  Path: z.string().optional(),
  Arn: z.string(),
  AttachedManagedPolicies: z
    .array(z.looseObject({ PolicyName: z.string().optional(), PolicyArn: z.string() }))
    .optional(),
  PermissionsBoundary: z.looseObject({ PermissionsBoundaryArn: z.string().optional() }).optional(),
};

/** IAM operations (a global service: no region level) and the shape of each one's output. */
export const IAM_OPERATIONS = {
  GetAccountSummary: z.looseObject({ SummaryMap: z.record(z.string(), z.number()).optional() }),
  /** `NoSuchEntity` means the account has no password policy (a fact) */
  GetAccountPasswordPolicy: z.looseObject({
    PasswordPolicy: z.looseObject({
      MinimumPasswordLength: z.number().optional(),
      RequireSymbols: z.boolean().optional(),
      RequireNumbers: z.boolean().optional(),
      RequireUppercaseCharacters: z.boolean().optional(),
      RequireLowercaseCharacters: z.boolean().optional(),
      AllowUsersToChangePassword: z.boolean().optional(),
      ExpirePasswords: z.boolean().optional(),
      MaxPasswordAge: z.number().optional(),
      PasswordReusePrevention: z.number().optional(),
      HardExpiry: z.boolean().optional(),
    }),
  }),
  GenerateCredentialReport: z.looseObject({ State: z.string().optional(), Description: z.string().optional() }),
  /** `Content` is the CSV report, base64 as the API and the CLI give it */
  GetCredentialReport: z.looseObject({
    Content: z.string(),
    ReportFormat: z.string().optional(),
    GeneratedTime: z.string().optional(),
  }),
  /** `AssignmentStatus: Assigned`: each device's ARN (SerialNumber) and the user it is assigned to (root: `...:root`) */
  ListVirtualMFADevices: z.looseObject({
    VirtualMFADevices: z.array(
      z.looseObject({
        SerialNumber: z.string(),
        User: z.looseObject({ Arn: z.string(), UserName: z.string().optional() }).optional(),
        EnableDate: z.string().optional(),
      }),
    ),
  }),
  /** server certificates stored in IAM (metadata only: no body, chain or key) */
  ListServerCertificates: z.looseObject({
    ServerCertificateMetadataList: z.array(
      z.looseObject({
        Path: z.string().optional(),
        ServerCertificateName: z.string(),
        ServerCertificateId: z.string().optional(),
        Arn: z.string(),
        UploadDate: z.string().optional(),
        Expiration: z.string().optional(),
      }),
    ),
  }),
  /**
   * `Scope: All, OnlyAttached: true`: customer managed and AWS managed policies attached to someone (older
   * snapshots hold `Scope: Local`, customer managed only: principals with AWS managed policies are then `unknown`)
   */
  ListPolicies: z.looseObject({
    Policies: z.array(
      z.looseObject({
        PolicyName: z.string().optional(),
        PolicyId: z.string().optional(),
        Arn: z.string(),
        DefaultVersionId: z.string().optional(),
        AttachmentCount: z.number().optional(),
      }),
    ),
  }),
  /**
   * Users, groups and roles with their inline policies (documents URL-encoded, as the SDK returns them) and the ARNs
   * of their managed policies; `Policies` holds managed policy documents when the filter asked for them
   */
  GetAccountAuthorizationDetails: z.looseObject({
    UserDetailList: z
      .array(
        z.looseObject({
          ...principalDetail,
          UserName: z.string(),
          UserPolicyList: inlinePolicies,
          GroupList: z.array(z.string()).optional(),
        }),
      )
      .optional(),
    GroupDetailList: z
      .array(z.looseObject({ ...principalDetail, GroupName: z.string(), GroupPolicyList: inlinePolicies }))
      .optional(),
    RoleDetailList: z
      .array(
        z.looseObject({
          ...principalDetail,
          RoleName: z.string(),
          RolePolicyList: inlinePolicies,
          /** the instance profiles that hold the role (what an EC2 instance's IamInstanceProfile.Arn names) */
          InstanceProfileList: z
            .array(z.looseObject({ Arn: z.string(), InstanceProfileName: z.string().optional() }))
            .optional(),
        }),
      )
      .optional(),
    Policies: z
      .array(
        z.looseObject({
          PolicyName: z.string().optional(),
          Arn: z.string(),
          DefaultVersionId: z.string().optional(),
          PolicyVersionList: z
            .array(
              z.looseObject({
                Document: policyDocument.optional(),
                VersionId: z.string().optional(),
                IsDefaultVersion: z.boolean().optional(),
              }),
            )
            .optional(),
        }),
      )
      .optional(),
  }),
} as const;

/** IAM calls made per resource, keyed in the snapshot by the policy ARN. */
export const IAM_PER_RESOURCE = {
  /** the default version of each listed policy */
  GetPolicyVersion: z.looseObject({
    PolicyVersion: z
      .looseObject({
        Document: policyDocument.optional(),
        VersionId: z.string().optional(),
        IsDefaultVersion: z.boolean().optional(),
      })
      .optional(),
  }),
  /** who has `arn:aws:iam::aws:policy/AWSSupportAccess` */
  ListEntitiesForPolicy: z.looseObject({
    PolicyGroups: z.array(z.looseObject({ GroupName: z.string().optional() })).optional(),
    PolicyUsers: z.array(z.looseObject({ UserName: z.string().optional() })).optional(),
    PolicyRoles: z.array(z.looseObject({ RoleName: z.string().optional() })).optional(),
  }),
} as const;

type Shapes = Record<string, z.ZodType>;
function globalSection<L extends Shapes, P extends Shapes>(operations: L, perResource: P) {
  const fields: Record<string, z.ZodType> = {};
  for (const [op, shape] of Object.entries(operations)) fields[op] = responseOr(shape).optional();
  for (const [op, shape] of Object.entries(perResource)) fields[op] = perResourceResponses(shape).optional();
  return z.strictObject(fields) as unknown as z.ZodType<GlobalEntry<L, P>>;
}

type ErrorEntry = { error: { name: string; message: string } };
type GlobalEntry<L extends Shapes, P extends Shapes> = { [K in keyof L]?: z.infer<L[K]> | ErrorEntry } & {
  [K in keyof P]?: Record<string, z.infer<P[K]> | ErrorEntry>;
};

/** The snapshot section (`snapshot.iam`), in the generated snapshot schema. */
export const section = globalSection(IAM_OPERATIONS, IAM_PER_RESOURCE);
export type IamSection = z.infer<typeof section>;

/** The AWS managed policy CIS 1.17 asks to be attached to someone (the support role). */
export const SUPPORT_POLICY_ARN = 'arn:aws:iam::aws:policy/AWSSupportAccess';

/** IAM's answer when the account has no password policy: a fact (the password policy checks fail on it), not a failure to read. */
export const NO_PASSWORD_POLICY = ['NoSuchEntity'];
