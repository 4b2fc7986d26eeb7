import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'account-security-contact-registered',
  aliases: ['Account.1', 'account_security_contact_information_is_registered'],
  service: 'account',
  resource: 'account',
  severity: 'medium',
  title: 'A security contact is registered for the account',
  description:
    "AWS sends security notifications (abuse reports, exposed credentials, incidents) to the account's security alternate contact; without one they go only to the root user's email, which often nobody reads. GetAlternateContact (type SECURITY) answers ResourceNotFoundException when none is registered. CIS 1.2, Security Hub Account.1.",
  remediation: {
    terraform: `resource "aws_account_alternate_contact" "security" {
  alternate_contact_type = "SECURITY"
  name                   = "Security team"
  title                  = "Security"
  email_address          = "security@example.com"
  phone_number           = "+1-555-0100"
}`,
    cli: 'aws account put-alternate-contact --alternate-contact-type SECURITY --name "Security team" --title Security --email-address security@example.com --phone-number +1-555-0100',
    console:
      'Account page (account menu, top right > Account) > Alternate contacts > Edit > Security contact: name, title, email and phone > Update.',
  },
  references: [
    'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/account-controls.html#account-1',
  ],
  needs: ['account:GetAlternateContact'],
  triggers: ['PutAlternateContact', 'DeleteAlternateContact'],
  evaluate(_account, { state }) {
    const contact = state.account.securityContact;
    if (contact.kind !== 'present')
      return fail('no security contact is registered: AWS security notifications reach only the root email');
    // PutAlternateContact requires name, title, email and phone: a registered contact has all four
    const { name, email } = contact.value;
    return pass(`security contact ${name ?? ''} <${email ?? ''}> is registered`);
  },
});
