package io.ruche.stores.embedded;

import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.testkit.contract.kernel.AbstractChangeBroadcastContractTests;

class InProcessChangeBroadcastContractTests extends AbstractChangeBroadcastContractTests {

	@Override
	protected ChangeBroadcast createBroadcast() {
		return EmbeddedStores.changeBroadcast();
	}

}
