import {
  internasjonaleDrammen,
  type BackgroundCount,
  type InternasjonaleDrammen,
} from '../domain/internasjonale-drammen';
import { SMALL_GROUP_THRESHOLD } from '../domain/suppression';

export interface IndicatorPorts {
  /** Ids of the founders whose facts say operating or employed (isOperatingOrEmployed). */
  operatingFounders(): Promise<string[]>;
  /** Intake's count of these founders with consented immigrant background (ADR 0011). */
  countImmigrantBackground(founderIds: string[]): Promise<BackgroundCount>;
}

export async function readInternasjonaleDrammen(
  ports: IndicatorPorts,
  goal: number,
): Promise<InternasjonaleDrammen> {
  const founderIds = await ports.operatingFounders();
  // Fewer candidates than the threshold cannot give a shown count: intake need not be asked.
  const count: BackgroundCount =
    founderIds.length < SMALL_GROUP_THRESHOLD
      ? { count: null, suppressed: true }
      : await ports.countImmigrantBackground(founderIds);
  return internasjonaleDrammen(count, goal);
}
