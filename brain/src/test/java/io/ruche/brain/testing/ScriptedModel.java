package io.ruche.brain.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.ruche.brain.port.LanguageModel;
import io.ruche.brain.port.ModelReply;
import io.ruche.brain.port.ModelRequest;

/**
 * A model that replies with scripted texts in order (repeating the last) and counts its
 * calls.
 */
public final class ScriptedModel implements LanguageModel {

	private final List<String> replies;

	private final AtomicInteger calls = new AtomicInteger();

	public final List<ModelRequest> requests = new ArrayList<>();

	public ScriptedModel(String... replies) {
		this.replies = List.of(replies);
	}

	@Override
	public synchronized ModelReply generate(ModelRequest request) {
		this.requests.add(request);
		int call = this.calls.getAndIncrement();
		return new ModelReply(this.replies.get(Math.min(call, this.replies.size() - 1)), 10, 5);
	}

	public int calls() {
		return this.calls.get();
	}

}
