package io.ruche.stores.jdbc;

import java.util.Optional;

import org.springframework.data.repository.Repository;

/** The traces of turns; rows are inserted through the template, their key being known. */
interface TraceRepository extends Repository<TraceRow, TenantKey> {

	Optional<TraceRow> findById(TenantKey key);

}
