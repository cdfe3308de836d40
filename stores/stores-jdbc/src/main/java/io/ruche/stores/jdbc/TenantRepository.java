package io.ruche.stores.jdbc;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

/** The tenants, read without a tenant binding; inserted through the template. */
interface TenantRepository extends CrudRepository<TenantRow, String> {

	List<TenantRow> findAllByOrderByIdAsc();

	@Modifying
	@Query("UPDATE tenants SET settings = :settings WHERE id = :id")
	boolean updateSettings(String id, TenantRow.SettingsBody settings);

}
