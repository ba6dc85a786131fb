import { changeUseCases } from './change';
import type { IntakeDependencies } from './ports';
import { privacyUseCases } from './privacy';
import { queryUseCases } from './queries';
import { statisticsUseCases } from './statistics';
import { submitUseCase } from './submit';

/** Everything the intake service does, over its ports; the HTTP layer only translates. */
export function intakeUseCases(deps: IntakeDependencies) {
  return {
    submit: submitUseCase(deps),
    ...queryUseCases(deps),
    ...changeUseCases(deps),
    ...privacyUseCases(deps),
    ...statisticsUseCases(deps),
  };
}

export type IntakeUseCases = ReturnType<typeof intakeUseCases>;
