import type { Playbook } from '../../lib/playbook/schema';

type PersonaModule = typeof import('../../lib/core/persona');

/**
 * The persona module with `trainPersonaModel` trained once per playbook object. Training the
 * default playbook's model is most of the cost of installing it (seconds on a loaded 2-core
 * machine), and a file that installs the same playbook in a fresh database before each of its
 * cases paid it every time. Training is a pure function of the playbook (no clock, no
 * randomness), so each case stores the very model it would have trained. Only for files that
 * test what is stored and shown, not the training: those (persona*.test.ts) keep the real one.
 *
 *   vi.mock('../../lib/core/persona', async (original) => (await import('./train-once')).trainOncePerPlaybook(await original()));
 */
export function trainOncePerPlaybook(actual: PersonaModule): PersonaModule {
  const trained = new WeakMap<Playbook, ReturnType<PersonaModule['trainPersonaModel']>>();
  return {
    ...actual,
    trainPersonaModel(playbook) {
      let model = trained.get(playbook);
      if (!model) {
        model = actual.trainPersonaModel(playbook);
        trained.set(playbook, model);
      }
      return model;
    },
  };
}
