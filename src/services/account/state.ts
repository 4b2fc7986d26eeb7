import { observe, type Observed } from '../../model/observed.ts';
import { defineServiceState } from '../define-state.ts';
import { NO_ALTERNATE_CONTACT, type AccountSection } from './schema.ts';

/** The account's SECURITY alternate contact, the fields a person would be reached by. */
export interface SecurityContact {
  name: string | undefined;
  email: string | undefined;
  phone: string | undefined;
}

export interface AccountContactsState {
  /** absent (`ResourceNotFoundException`) when no security contact is registered */
  securityContact: Observed<SecurityContact>;
}

function normaliseAccount(section: AccountSection): AccountContactsState {
  return {
    securityContact: observe(
      section.GetAlternateContact,
      'account:GetAlternateContact',
      NO_ALTERNATE_CONTACT,
      ({ AlternateContact: c }): SecurityContact => ({
        name: c.Name,
        email: c.EmailAddress,
        phone: c.PhoneNumber,
      }),
    ),
  };
}

/** AWS Account Management in the account state: `state.account` (the security alternate contact). */
export default defineServiceState({
  sections: ['account'],
  normalise: (snapshot) => ({ state: normaliseAccount(snapshot.account ?? {}) }),
  resources: {},
  operations: {
    'account:GetAlternateContact': {
      scope: 'account',
      read: (state: AccountContactsState) => state.securityContact,
    },
  },
});
