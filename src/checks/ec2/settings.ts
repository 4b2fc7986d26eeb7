import { InternalError } from '../../errors.ts';
import type { RegionResource, AccountState } from '../../model/account-state.ts';
import type { Ec2RegionSettings } from '../../services/ec2/model.ts';

/** The EC2 settings of a region; the engine only evaluates regions whose settings `needs` found. */
export function ec2SettingsOf(state: AccountState, region: RegionResource): Ec2RegionSettings {
  const settings = state.ec2.regions[region.region];
  if (!settings) throw new InternalError(`no EC2 settings for ${region.region} although its needs were met`);
  return settings;
}
