// Names a person reads in place of stored ids: an agent's scenarios and their steps.
import { get, enc } from './api.js';

// Loads the scenarios of an agent (by name or id) and answers names for their ids.
export async function scenarioNames(agent) {
  if (!agent) return names([]);
  const page = await get(`/api/agents/${enc(agent)}/scenarios?limit=500`).catch(() => ({ items: [] }));
  return names(page.items);
}

export function names(scenarios) {
  const find = (ref) => scenarios.find((sc) => sc.id === ref) || scenarios.find((sc) => sc.name === ref);
  const scenario = (ref) => find(ref)?.name || ref;
  const step = (scenarioRef, stepId) => {
    const st = (find(scenarioRef)?.steps || []).find((x) => x.id === stepId);
    return st?.name || stepId;
  };
  return {
    scenarios,
    find,
    scenario,
    step,
    // "return › Ask the order" for a scenario and one of its steps.
    at: (scenarioRef, stepId) => (stepId ? `${scenario(scenarioRef)} › ${step(scenarioRef, stepId)}` : scenario(scenarioRef)),
    // A stored reference: "scenarioId" or "scenarioId/stepId" (a lone step id is looked up).
    ref(reference) {
      if (!reference) return '';
      const slash = reference.indexOf('/');
      if (slash > 0) return this.at(reference.slice(0, slash), reference.slice(slash + 1));
      if (find(reference)) return scenario(reference);
      const owner = scenarios.find((sc) => (sc.steps || []).some((x) => x.id === reference));
      return owner ? this.at(owner.id, reference) : reference;
    },
  };
}
