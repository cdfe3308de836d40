package io.ruche.brain.configuration;

import io.ruche.brain.model.ConfigurationDraft;

/**
 * An edit of an agent's draft: the object as the draft now holds it, and the draft.
 *
 * @param object the edited object (a rule or scenario with the id it will have once
 * published when it already exists live), or whether something was deleted
 * @param draft the draft after the edit
 * @param <T> the kind of object
 */
public record DraftEdit<T>(T object, ConfigurationDraft draft) {
}
