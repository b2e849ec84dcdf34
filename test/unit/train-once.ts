import type { Playbook } from '../../lib/playbook/schema';

type PersonaModule = typeof import('../../lib/core/persona');
type PersonaModel = ReturnType<PersonaModule['trainPersonaModel']>;

/**
 * The persona module with `trainPersonaModel` trained once per playbook content. Training the
 * default playbook's model is most of the cost of installing it (seconds on a loaded 2-core
 * machine), and a file that installs the same playbook in a fresh database before each of its
 * cases paid it every time. Training is a pure function of the playbook (no clock, no
 * randomness), so each case stores the very model it would have trained; the key is the
 * playbook's JSON, so a playbook changed in place is trained again. Only for files that test
 * what is stored and shown, not the training: those (persona*.test.ts) keep the real one.
 *
 *   vi.mock('../../lib/core/persona', async (original) => (await import('./train-once')).trainOncePerPlaybook(await original()));
 */
export function trainOncePerPlaybook(actual: PersonaModule): PersonaModule {
  const trained = new Map<string, PersonaModel>();
  return {
    ...actual,
    trainPersonaModel(playbook: Playbook) {
      const key = JSON.stringify(playbook);
      let model = trained.get(key);
      if (!model) {
        model = actual.trainPersonaModel(playbook);
        trained.set(key, model);
      }
      return model;
    },
  };
}
