package io.ruche.server.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the console in headless Chromium against the real server: sign in, delete an
 * agent, create a rule (refused while a constraint is invalid) with an exclusive
 * template, a relation and a firing limit, find it in the list and by meaning, see a
 * scenario drawn as a graph whose labels clear its boxes, register a tool (a JDK HTTP
 * server on loopback), try it from the form generated from its schema and delete another,
 * converse with the agent from its page, open the trace of that turn and the session it
 * belongs to, compare versions and roll one back, label a key, and read the configuration
 * changes in the audit log. Every page is checked for unreadable text and horizontal
 * overflow, and the browser console must stay free of errors. Screenshots go to
 * {@code target/console-screenshots}, or to {@code RUCHE_SCREENSHOTS_DIR} when set (the
 * docs use {@code docs/images}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleIT {

	static final String ADMIN_KEY = "console-it-admin-key";

	static final String REFUND = "Refunds take 5 days.";

	static WebDriver driver;

	static Path profile;

	static HttpServer toolServer;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory("ruche-console-it");
		registry.add("platform.data-dir", dataDir::toString);
		registry.add("platform.stores.embedded.data-dir", dataDir::toString);
		registry.add("platform.bootstrap-key", () -> ADMIN_KEY);
		registry.add("platform.toolbox.allow-loopback", () -> "true");
	}

	@BeforeAll
	static void startBrowser() throws IOException {
		toolServer = ToolsApiIT.startWeatherServer();
		profile = Files.createTempDirectory("ruche-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1000");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(1400, 1000));
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
		if (toolServer != null) {
			toolServer.stop(0);
		}
	}

	@Test
	void anAdminEditsRulesTriesToolsAndAConversationAndInspectsItsTrace() throws IOException {
		try {
			editRulesAndInspectATrace();
		}
		catch (RuntimeException | AssertionError ex) {
			shot("failure");
			driver.manage()
				.logs()
				.get(LogType.BROWSER)
				.forEach((e) -> LoggerFactory.getLogger(ConsoleIT.class).error("browser: {}", e));
			throw ex;
		}
	}

	private void editRulesAndInspectATrace() throws IOException {
		RestClient api = new RestClient(this.port, ADMIN_KEY);
		api.post("/api/agents", Map.of("name", "shop", "description", "The web shop assistant", "persona",
				"You are the shop assistant. Be brief and precise."));
		api.post("/api/agents", Map.of("name", "concierge", "description", "Hotel front desk"));
		api.post("/api/agents/shop/rules",
				Map.of("name", "greeting", "condition", "The customer says hello", "action", "Greet back briefly"));
		api.post("/api/agents/shop/rules",
				Map.of("name", "no delivery promise", "condition", "The customer asks when the parcel arrives",
						"action", "Give the tracking link, never a date", "priority", 20, "constraints",
						List.of("!response.contains(\"guarantee\")")));
		api.post("/api/agents/shop/scenarios", returnScenario());
		api.post("/api/agents/shop/rules",
				Map.of("name", "order number format", "condition", "The customer gives an order number", "action",
						"Check it looks like A-123", "scope", "step", "scope_ref", "return/ask_order",
						"max_fires_per_session", 2));
		int toolPort = toolServer.getAddress().getPort();
		api.post("/api/tools",
				Map.of("name", "stock", "description", "Stock level of a product (down for maintenance)", "kind",
						"http", "target", "http://127.0.0.1:" + toolPort + "/broken", "side_effect", "pure",
						"input_schema", Map.of("type", "object")));
		api.post("/api/tools/stock/invoke", Map.of("arguments", Map.of()));

		open("/console/");
		WebElement key = waitFor(By.id("api-key"));
		shot("signin");
		key.sendKeys(ADMIN_KEY);
		driver.findElement(By.id("sign-in")).click();
		waitFor(By.id("agents-table"));
		assertThat(driver.findElement(By.id("agents-table")).getText()).contains("shop").contains("concierge");
		assertThat(String.valueOf(((JavascriptExecutor) driver).executeScript("return location.href")))
			.doesNotContain(ADMIN_KEY);
		shot("agents");

		driver.findElement(By.linkText("shop")).click();
		waitFor(By.id("agent-persona"));
		driver.findElement(By.id("export-agent")).click();
		waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("export-yaml")));
		assertThat(driver.findElement(By.id("export-yaml")).getDomProperty("value")).contains("ruche/v1")
			.contains("no delivery promise");
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
				driver.findElement(By.id("export-yaml")));
		shot("agent");

		navigate("#/agents/concierge");
		waitFor(By.id("delete-agent")).click();
		Alert deletion = waitUntil(ExpectedConditions.alertIsPresent());
		assertThat(deletion.getText()).contains("Delete agent 'concierge'");
		deletion.accept();
		waitFor(By.id("agents-table"));
		waitUntil((d) -> !d.findElement(By.id("agents-table")).getText().contains("concierge"));
		assertThat(new Select(driver.findElement(By.id("agent-picker"))).getFirstSelectedOption().getText())
			.isEqualTo("shop");

		navigate("#/rules/new");
		waitFor(By.id("rule-name")).sendKeys("refund delay");
		driver.findElement(By.id("rule-condition")).sendKeys("The customer asks about a refund");
		driver.findElement(By.id("rule-action")).sendKeys("Quote the 5-day delay");
		driver.findElement(By.id("rule-template")).sendKeys(REFUND);
		new Select(driver.findElement(By.id("rule-template-mode"))).selectByValue("exclusive");
		driver.findElement(By.id("add-constraint")).click();
		WebElement constraint = waitFor(By.cssSelector("#constraints input.cel"));
		constraint.sendKeys("size(response) <=");
		WebElement invalid = waitUntil(
				ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#constraints .cel-message.invalid")));
		assertThat(invalid.getText()).isNotBlank();
		assertThat(constraint.getDomAttribute("aria-invalid")).isEqualTo("true");
		driver.findElement(By.id("save-rule")).click();
		WebElement refused = waitUntil(
				ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rule-form .error")));
		assertThat(refused.getText()).contains("not a valid CEL expression");
		shot("rule-invalid-constraint");
		assertThat(driver.getCurrentUrl()).endsWith("#/rules/new");

		constraint.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		constraint.sendKeys("size(response) <= 600");
		waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#constraints .cel-message.valid")));
		driver.findElement(By.id("add-relation")).click();
		new Select(waitFor(By.cssSelector("#relations .relation-kind"))).selectByValue("excludes");
		new Select(driver.findElement(By.cssSelector("#relations .relation-rule"))).selectByVisibleText("greeting");
		WebElement maxFires = driver.findElement(By.id("rule-max-fires"));
		maxFires.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3");
		driver.findElement(By.id("save-rule")).click();
		waitFor(By.id("rules-table"));
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-table"), "refund delay"));
		assertThat(driver.findElement(By.id("rules-table")).getText()).contains("excludes greeting")
			.contains("at most 3× per session")
			.contains("step return › Ask the order");
		shot("rules");

		WebElement query = driver.findElement(By.id("rule-query"));
		query.sendKeys("can I get my money back", Keys.ENTER);
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rules-table .score")));
		assertThat(driver.findElement(By.cssSelector("#rules-table tbody tr")).getText()).contains("refund delay");
		shot("rules-search");

		driver.findElement(By.linkText("order number format")).click();
		waitFor(By.id("rule-name"));
		assertThat(new Select(driver.findElement(By.id("rule-scope-scenario"))).getFirstSelectedOption().getText())
			.isEqualTo("return");
		assertThat(new Select(driver.findElement(By.id("rule-scope-step"))).getFirstSelectedOption().getText())
			.isEqualTo("Ask the order (ask_order)");
		navigate("#/rules");
		waitFor(By.linkText("refund delay")).click();
		waitFor(By.id("rule-name"));
		waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#constraints .cel-message.valid")));
		assertThat(new Select(driver.findElement(By.cssSelector("#relations .relation-kind"))).getFirstSelectedOption()
			.getDomProperty("value")).isEqualTo("excludes");
		assertThat(driver.findElement(By.id("rule-max-fires")).getDomProperty("value")).isEqualTo("3");
		shot("rule-editor");
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
				driver.findElement(By.id("relations")));
		shot("rule-relations");

		navigate("#/scenarios");
		waitFor(By.cssSelector("svg.graph .node"));
		shot("scenarios");
		driver.findElement(By.linkText("return")).click();
		waitFor(By.id("scenario-graph"));
		assertThat(driver.findElements(By.cssSelector("#scenario-graph svg .node"))).hasSize(3);
		assertThat(driver.findElements(By.cssSelector("#scenario-graph svg .edge"))).hasSize(2);
		assertThat(driver.findElement(By.cssSelector("#scenario-exits input")).getDomProperty("value"))
			.isEqualTo("The customer decides to keep the item");
		assertThat(driver.findElement(By.cssSelector("#exits-0 input")).getDomProperty("value"))
			.isEqualTo("message.contains(\"stop\")");
		assertThat(new Select(driver.findElement(By.id("scenario-entry-step"))).getFirstSelectedOption().getText())
			.isEqualTo("Ask the order (ask_order)");
		assertLabelsClearOfBoxes();
		shot("scenario");

		navigate("#/tools");
		waitFor(By.id("register-tool"));
		driver.findElement(By.id("tool-name")).sendKeys("weather");
		driver.findElement(By.id("tool-description")).sendKeys("Weather forecast for a city");
		driver.findElement(By.id("tool-target")).sendKeys("http://127.0.0.1:" + toolPort + "/weather");
		WebElement schema = driver.findElement(By.id("tool-schema"));
		schema.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		schema.sendKeys("{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"nonsense\"}}}");
		driver.findElement(By.id("save-tool")).click();
		WebElement schemaRefused = waitUntil(
				ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#register-tool .error")));
		assertThat(schemaRefused.getText()).contains("The input schema is refused");
		assertThat(driver.findElement(By.id("tool-schema-message")).getText()).isNotBlank();
		assertThat(schema.getDomAttribute("aria-invalid")).isEqualTo("true");
		schema.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		schema.sendKeys(RestClient.JSON.writeValueAsString(weatherSchema()));
		driver.findElement(By.id("save-tool")).click();
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tools-table tr[data-tool='weather']")));
		WebElement toggle = driver.findElement(By.cssSelector("#tools-table tr[data-tool='weather'] .toggle"));
		assertThat(toggle.getDomAttribute("aria-pressed")).isEqualTo("false");
		toggle.click();
		waitUntil(ExpectedConditions.attributeToBe(By.cssSelector("#tools-table tr[data-tool='weather'] .toggle"),
				"aria-pressed", "true"));
		driver.findElement(By.cssSelector("#tools-table tr[data-tool='weather'] .try-tool")).click();
		waitFor(By.id("arg-city")).sendKeys("Lyon");
		driver.findElement(By.id("arg-days")).sendKeys("3");
		new Select(driver.findElement(By.id("arg-unit"))).selectByVisibleText("celsius");
		driver.findElement(By.id("tool-as-agent")).click();
		driver.findElement(By.id("run-tool")).click();
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("tool-status"), "ok"));
		assertThat(driver.findElement(By.id("tool-output")).getText()).contains("sunny")
			.contains("Lyon")
			.contains("celsius")
			.contains("3");
		assertThat(driver.findElement(By.id("tool-failures")).getText()).contains("stock").contains("error");
		assertThat(driver.findElement(By.id("tool-limits")).getText()).contains("30000 ms");
		shot("tools");
		driver.findElement(By.cssSelector("#tools-table tr[data-tool='stock'] .remove-tool")).click();
		Alert removal = waitUntil(ExpectedConditions.alertIsPresent());
		assertThat(removal.getText()).contains("Delete tool 'stock'");
		removal.accept();
		// The notice and the page's new rendering come together: wait for the notice,
		// then
		// for the new table.
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Tool 'stock' deleted."));
		waitFor(By.cssSelector("#tools-table tr[data-tool='weather']"));
		assertThat(driver.findElements(By.cssSelector("#tools-table tr[data-tool='stock']"))).isEmpty();

		navigate("#/agents/shop");
		WebElement message = waitFor(By.id("try-message"));
		assertThat(driver.findElement(By.id("try-empty")).getText()).contains("No message yet");
		message.sendKeys("I sent the shoes back last week: can I get my money back?", Keys.ENTER);
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#try-transcript .try-turn")));
		WebElement turn = driver.findElement(By.cssSelector("#try-transcript .try-turn"));
		assertThat(turn.findElement(By.className("try-response")).getText()).isEqualTo(REFUND);
		assertThat(turn.findElement(By.className("try-mode")).getText()).isEqualTo("template");
		assertThat(turn.findElement(By.className("try-rules")).getText()).contains("refund delay");
		assertThat(turn.findElement(By.className("try-enforcement")).getText()).contains("passed");
		String session = driver.findElement(By.cssSelector("#try-session a")).getText();
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
				driver.findElement(By.id("try-chat")));
		shot("try");

		turn.findElement(By.className("open-trace")).click();
		waitUntil(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".timeline .phase"), 5));
		assertThat(driver.findElement(By.cssSelector(".timeline")).getText()).contains("retrieval")
			.contains("refund delay")
			.contains("generation")
			.contains("enforcement")
			.contains("Entered return › Ask the order");
		shot("trace");

		navigate("#/sessions");
		waitFor(By.id("sessions-table"));
		assertThat(driver.findElement(By.id("sessions-table")).getText()).contains("return › Ask the order");
		shot("sessions");
		// The status filter: the session just used is active, none is closed.
		new Select(driver.findElement(By.id("status-filter"))).selectByValue("closed");
		waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("sessions-table")));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("No closed sessions here");
		new Select(driver.findElement(By.id("status-filter"))).selectByValue("active");
		waitFor(By.linkText(session));
		assertThat(driver.findElement(By.id("sessions-table")).getText()).contains("active");
		driver.findElement(By.linkText(session)).click();
		waitFor(By.cssSelector(".show-trace")).click();
		waitUntil(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".timeline .phase"), 5));
		assertThat(driver.findElement(By.cssSelector(".turns")).getText()).contains(REFUND).contains("template");
		shot("session");

		// The session's interlocutor: profile, sessions, export, then erasure.
		driver.findElement(By.id("interlocutor-link")).click();
		waitFor(By.id("interlocutor-sessions"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Interlocutor ");
		assertThat(driver.findElement(By.id("interlocutor-sessions")).getText()).contains(session);
		driver.findElement(By.id("export-interlocutor")).click();
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("export-result"), "Exported 1 session(s)"));
		shot("interlocutor");
		WebElement erase = driver.findElement(By.id("erase-interlocutor"));
		assertThat(erase.isEnabled()).isFalse();
		String interlocutor = driver.findElement(By.tagName("h1")).getText().substring("Interlocutor ".length());
		driver.findElement(By.id("erase-confirm")).sendKeys(interlocutor);
		assertThat(erase.isEnabled()).isTrue();
		erase.click();
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "No sessions"));
		assertThat(driver.findElement(By.id("status")).getText()).contains("erased").contains("1 session(s)");
		driver.findElement(By.id("export-interlocutor")).click();
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("export-result"), "Exported 0 session(s)"));
		shot("interlocutor-erased");

		navigate("#/versions");
		waitFor(By.id("versions-table"));
		waitFor(By.cssSelector("#version-diff .diff"));
		assertThat(driver.findElement(By.id("version-diff")).getText()).contains("weather");
		assertThat(driver.findElement(By.id("versions-table")).getText()).contains("bootstrap admin")
			.contains("saved rule refund delay")
			.contains("enabled tool weather");
		shot("versions");
		// The versions: the agent, three rules and the scenario seeded, the rule made
		// above (6),
		// the weather tool enabled (7).
		driver.findElement(By.cssSelector("#versions-table tr[data-version='6'] .show-diff")).click();
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("version-diff"),
				"From version 5 to version 6"));
		assertThat(driver.findElement(By.id("version-diff")).getText()).contains("refund delay")
			.contains("template.text")
			.contains(REFUND);
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
				driver.findElement(By.id("version-diff")));
		shot("version-diff");
		int live = driver.findElements(By.cssSelector("#versions-table tbody tr")).size();
		assertThat(live).isEqualTo(7);
		driver.findElement(By.cssSelector("#versions-table tr[data-version='" + (live - 1) + "'] .rollback")).click();
		Alert rollback = waitUntil(ExpectedConditions.alertIsPresent());
		assertThat(rollback.getText()).contains("Roll shop back to version " + (live - 1));
		rollback.accept();
		waitFor(By.cssSelector("#versions-table tr[data-version='" + (live + 1) + "']"));
		assertThat(
				driver.findElement(By.cssSelector("#versions-table tr[data-version='" + (live + 1) + "']")).getText())
			.contains("rolled back")
			.contains("live");

		navigate("#/keys");
		waitFor(By.id("keys-table"));
		new Select(driver.findElement(By.id("key-role"))).selectByValue("client");
		driver.findElement(By.id("key-label")).sendKeys("support chatbot");
		driver.findElement(By.id("create-key")).click();
		waitFor(By.id("new-key"));
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("keys-table"), "support chatbot"));
		assertThat(driver.findElement(By.id("keys-table")).getText()).contains("bootstrap admin");
		shot("keys");

		navigate("#/audit");
		waitFor(By.id("audit-table"));
		new Select(driver.findElement(By.id("audit-category"))).selectByValue("configuration");
		waitUntil(ExpectedConditions
			.invisibilityOfElementLocated(By.cssSelector("#audit-table tr[data-action='key.create']")));
		assertThat(driver.findElements(By.cssSelector("#audit-table tr[data-action^='turn.']"))).isEmpty();
		assertThat(driver.findElement(By.id("audit-table")).getText()).contains("agent.rollback")
			.contains("bootstrap admin")
			.contains("rule 'refund delay' added")
			.contains("tool weather disabled")
			.contains("version " + (live + 1));
		// A rollback restores the scenario as it was, its exit conditions included.
		assertThat(driver.findElement(By.cssSelector("#audit-table tr[data-action='agent.rollback']")).getText())
			.doesNotContain("scenario 'return' changed");
		shot("audit");

		List<LogEntry> errors = driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((e) -> e.getLevel().intValue() >= Level.WARNING.intValue())
			.toList();
		assertThat(errors).as("browser console errors").isEmpty();
	}

	private void open(String path) {
		driver.get("http://localhost:" + this.port + path);
	}

	private static void navigate(String hash) {
		((JavascriptExecutor) driver).executeScript("location.hash = arguments[0]", hash);
	}

	private static WebElement waitFor(By by) {
		return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
	}

	private static <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
	}

	private static void shot(String name) throws IOException {
		if (!"failure".equals(name)) {
			assertReadable(name);
		}
		String configured = System.getenv("RUCHE_SCREENSHOTS_DIR");
		Path dir = (configured != null && !configured.isBlank()) ? Path.of(configured)
				: Path.of("target", "console-screenshots");
		Files.createDirectories(dir);
		Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(file, dir.resolve("console-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * Fails on text a person should never read: JavaScript's and Java's default
	 * renderings of objects, and (outside the tool output's pretty-printed JSON) raw JSON
	 * objects.
	 */
	private static void assertReadable(String page) {
		String text = driver.findElement(By.tagName("body")).getText();
		assertThat(text).as("page %s", page)
			.doesNotContain("[object")
			.doesNotContain("undefined")
			.doesNotContain("NaN")
			.doesNotContainPattern("[A-Z][A-Za-z]+\\[[a-z]+=")
			.doesNotContainPattern("\\b[a-z][A-Za-z]*=\\S")
			.doesNotContainPattern("\\b(agt|scn|rul)_[0-9a-f]{6}")
			.doesNotContainPattern("\\d\\.\\d{5,}")
			.doesNotContain("{\"");
		Object overflow = ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(((Number) overflow).intValue()).as("horizontal overflow of page %s, in pixels", page)
			.isLessThanOrEqualTo(0);
	}

	/** No label of the scenario graph overlaps a step's box. */
	private static void assertLabelsClearOfBoxes() {
		Object overlaps = ((JavascriptExecutor) driver).executeScript("""
				const boxes = [...document.querySelectorAll('#scenario-graph .node > rect:first-of-type')]
				  .map((r) => r.getBoundingClientRect());
				const labels = [...document.querySelectorAll('#scenario-graph .edge-label-bg')]
				  .map((r) => r.getBoundingClientRect());
				return labels.filter((l) => boxes.some((b) => l.left < b.right && l.right > b.left
				  && l.top < b.bottom && l.bottom > b.top)).length;""");
		assertThat(((Number) overlaps).intValue()).as("graph labels over a step's box").isZero();
		assertThat(driver.findElements(By.cssSelector("#scenario-graph .edge-label-bg"))).hasSize(2);
	}

	private static Map<String, Object> weatherSchema() {
		return Map.of("type", "object", "properties",
				Map.of("city", Map.of("type", "string", "description", "City name"), "days",
						Map.of("type", "integer", "minimum", 1, "maximum", 7), "unit",
						Map.of("enum", List.of("celsius", "fahrenheit"))),
				"required", List.of("city"));
	}

	private static Map<String, Object> returnScenario() {
		return Map.of("name", "return", "description", "Open a return", "entry_condition",
				"The customer wants to return an item", "exit_conditions",
				List.of("The customer decides to keep the item"), "steps",
				List.of(Map.of("id", "ask_order", "name", "Ask the order", "instructions", "Ask for the order number",
						"collects", List.of(Map.of("name", "order_number", "pattern", "([A-Z]-\\d+)")), "transitions",
						List.of(Map.of("to", "confirm", "condition", "has(variables.order_number)")), "exit_conditions",
						List.of("message.contains(\"stop\")")),
						Map.of("id", "confirm", "name", "Confirm", "instructions", "Confirm the return", "transitions",
								List.of(Map.of("to", "done", "when", "The customer confirms"))),
						Map.of("id", "done", "name", "Done", "terminal", true)));
	}

}
