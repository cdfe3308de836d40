package io.ruche.bench.toolbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.model.SideEffect;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.model.ToolDefinition.ExecutionPolicy;
import io.ruche.toolbox.model.ToolKind;

/**
 * Generates a realistic, deterministic tool catalog from word lists: names such as
 * {@code crm.invoice_export_417} and descriptions such as "Exports an invoice of a
 * customer account as a PDF file, filtered by date range." Words repeat across tools so
 * that BM25 has long posting lists to walk.
 */
final class Catalog {

	static final String[] DOMAINS = { "crm", "billing", "hr", "shop", "travel", "weather", "calendar", "mail", "docs",
			"support", "fleet", "bank", "health", "school", "legal", "energy", "stock", "social", "maps", "music" };

	static final String[][] VERBS = { { "get", "Gets" }, { "list", "Lists" }, { "create", "Creates" },
			{ "update", "Updates" }, { "delete", "Deletes" }, { "search", "Searches" }, { "export", "Exports" },
			{ "import", "Imports" }, { "send", "Sends" }, { "cancel", "Cancels" }, { "approve", "Approves" },
			{ "schedule", "Schedules" }, { "convert", "Converts" }, { "forecast", "Forecasts" },
			{ "summarize", "Summarizes" }, { "translate", "Translates" }, { "validate", "Validates" },
			{ "refund", "Refunds" }, { "track", "Tracks" }, { "book", "Books" } };

	static final String[] OBJECTS = { "invoice", "order", "customer", "ticket", "flight", "hotel", "forecast",
			"meeting", "email", "document", "contract", "payment", "shipment", "employee", "payslip", "appointment",
			"prescription", "account", "transfer", "playlist", "route", "reservation", "subscription", "report",
			"quote", "product", "review", "lead", "campaign", "expense", "timesheet", "vehicle", "parcel", "statement",
			"policy", "claim", "course", "grade", "meter", "portfolio" };

	static final String[] OWNERS = { "of a customer account", "for a given city", "of the current user", "for a team",
			"of a supplier", "for a date range", "of a project", "for a store", "of a patient", "for a region",
			"of a vehicle", "for the next week" };

	static final String[] DETAILS = { "as a PDF file", "with its line items", "in JSON", "by identifier",
			"filtered by status", "with pagination", "sorted by date", "including attachments",
			"with currency conversion", "in the user's language", "with an audit trail", "and notifies the owner" };

	/** Needs as a person would phrase them, not in the tools' own words. */
	static final List<String> QUERIES = List.of("what will the weather be like in Paris tomorrow",
			"send an email to my manager", "I want my money back for this order", "book a flight to Berlin",
			"find the invoices of a customer", "cancel my subscription", "where is my parcel",
			"export the sales report as PDF", "schedule a meeting with the team next week",
			"translate this document into French", "how much did we spend on travel expenses",
			"approve the pending payment", "list open support tickets", "reserve a hotel room near the station",
			"check the grades of a student", "convert euros to dollars", "track the delivery van",
			"summarize the contract", "update the phone number of an employee", "show my bank statement");

	private static final String[] OPENINGS = { "", "please ", "can you ", "I need to ", "help me ", "quickly ",
			"could you ", "we have to ", "I would like to ", "let us ", "try to ", "go and " };

	private static final String[] CLOSINGS = { "", " now", " today", " please", " asap", " for me", " again",
			" right away", " thanks", " if possible", " this afternoon", " before noon" };

	private Catalog() {
	}

	/**
	 * Needs that are all different from one another and from {@link #QUERIES} (each one
	 * of them with an opening and a closing), so that no search of a run finds the
	 * embedding of its query among those of recent searches.
	 * @param count how many, at most 20 x 12 x 12 - 20
	 * @return the needs
	 */
	static List<String> distinctQueries(int count) {
		List<String> queries = new ArrayList<>(count);
		for (int variant = 1; variant < OPENINGS.length * CLOSINGS.length; variant++) {
			for (String query : QUERIES) {
				queries.add(OPENINGS[variant % OPENINGS.length] + query + CLOSINGS[variant / OPENINGS.length]);
				if (queries.size() == count) {
					return queries;
				}
			}
		}
		throw new IllegalArgumentException("at most " + queries.size() + " distinct queries");
	}

	static ToolDefinition tool(TenantId tenant, int i) {
		Random random = new Random(i * 7919L + 17);
		String domain = DOMAINS[random.nextInt(DOMAINS.length)];
		String[] verb = VERBS[random.nextInt(VERBS.length)];
		String object = OBJECTS[random.nextInt(OBJECTS.length)];
		String second = OBJECTS[random.nextInt(OBJECTS.length)];
		String name = domain + "." + verb[0] + "_" + object + "_" + i;
		String description = verb[1] + " " + article(object) + " " + object + " "
				+ OWNERS[random.nextInt(OWNERS.length)] + " " + DETAILS[random.nextInt(DETAILS.length)]
				+ ", linked to the " + second + " in the " + domain + " system.";
		Map<String, Object> schema = Map.of("type", "object", "properties",
				Map.of("id", Map.of("type", "string"), "limit", Map.of("type", "integer")), "required", List.of("id"));
		return new ToolDefinition(tenant, name, description, schema, null, ToolKind.HTTP,
				"https://" + domain + ".example.com/" + verb[0] + "/" + object,
				new ExecutionPolicy(5_000, SideEffect.PURE, false), Map.of(), Map.of(), null, 0, Instant.now());
	}

	private static String article(String word) {
		return ("aeiou".indexOf(word.charAt(0)) >= 0) ? "an" : "a";
	}

}
