package io.ruche.stores.embedded;

import io.ruche.kernel.port.AuditLog;
import io.ruche.testkit.contract.kernel.AbstractAuditLogContractTests;

class H2AuditLogContractTests extends AbstractAuditLogContractTests {

	@Override
	protected AuditLog createStore() {
		return H2TestDatabase.stores().auditLog();
	}

}
