package io.ruche.stores.jdbc;

/**
 * The adapter-local record stored as JSON in one column. The column's format is this
 * record's components, not the domain record's: renaming a domain component changes the
 * mapping code, never the stored text ({@code JsonBodyFormatTests} pins it). A component
 * added later is missing from rows written before it, so its mapping must accept
 * {@code null}.
 */
sealed interface JsonBody
		permits AgentRow.SettingsBody, AgentRow.FieldsBody, SessionRow.StateBody, TurnRow.Body, TraceRow.Body,
		InterlocutorRow.Body, TenantRow.SettingsBody, AuditRow.Details, RuleContentBody, ScenarioBody, ToolBody {

}
