package io.ruche.server.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import io.ruche.brain.port.SessionStore;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.model.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the console in headless Chromium against the real server: sign in, create a rule
 * (refused while a constraint is invalid), find it in the list and by meaning, see a
 * scenario drawn as a graph, open a session and the trace of its turn. The browser
 * console must stay free of errors. Screenshots go to {@code target/console-screenshots},
 * or to {@code RUCHE_SCREENSHOTS_DIR} when set (the docs use {@code docs/images}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleIT {

	static final String ADMIN_KEY = "console-it-admin-key";

	static WebDriver driver;

	static Path profile;

	@LocalServerPort
	int port;

	@Autowired
	SessionStore sessions;

	@Autowired
	TurnStore turns;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory("ruche-console-it");
		registry.add("platform.data-dir", dataDir::toString);
		registry.add("platform.stores.embedded.data-dir", dataDir::toString);
		registry.add("platform.bootstrap-key", () -> ADMIN_KEY);
	}

	@BeforeAll
	static void startBrowser() throws IOException {
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
	}

	@Test
	void anAdminEditsRulesAndInspectsATrace() throws IOException {
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
		Map<String, Object> agent = RestClient.map(api.post("/api/agents", Map.of("name", "shop", "description",
				"The web shop assistant", "persona", "You are the shop assistant. Be brief and precise.")));
		api.post("/api/agents", Map.of("name", "concierge", "description", "Hotel front desk"));
		api.post("/api/agents/shop/rules",
				Map.of("name", "greeting", "condition", "The customer says hello", "action", "Greet back briefly"));
		api.post("/api/agents/shop/rules",
				Map.of("name", "no delivery promise", "condition", "The customer asks when the parcel arrives",
						"action", "Give the tracking link, never a date", "priority", 20, "constraints",
						List.of("!response.contains(\"guarantee\")")));
		api.post("/api/agents/shop/scenarios", returnScenario());
		ConversationFixtures.Recorded recorded = ConversationFixtures.oneTurn(this.sessions, this.turns,
				TenantId.of("default"), (String) agent.get("id"));

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
		shot("agent");

		navigate("#/rules/new");
		waitFor(By.id("rule-name")).sendKeys("refund delay");
		driver.findElement(By.id("rule-condition")).sendKeys("The customer asks about a refund");
		driver.findElement(By.id("rule-action")).sendKeys("Quote the 5-day delay");
		driver.findElement(By.id("rule-template")).sendKeys("Refunds take 5 days.");
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
		driver.findElement(By.id("save-rule")).click();
		waitFor(By.id("rules-table"));
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-table"), "refund delay"));
		shot("rules");

		WebElement query = driver.findElement(By.id("rule-query"));
		query.sendKeys("can I get my money back", Keys.ENTER);
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rules-table .score")));
		assertThat(driver.findElement(By.cssSelector("#rules-table tbody tr")).getText()).contains("refund delay");
		shot("rules-search");

		driver.findElement(By.linkText("refund delay")).click();
		waitFor(By.id("rule-name"));
		waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#constraints .cel-message.valid")));
		shot("rule-editor");

		navigate("#/scenarios");
		waitFor(By.cssSelector("svg.graph .node"));
		driver.findElement(By.linkText("return")).click();
		waitFor(By.id("scenario-graph"));
		assertThat(driver.findElements(By.cssSelector("#scenario-graph svg .node"))).hasSize(3);
		assertThat(driver.findElements(By.cssSelector("#scenario-graph svg .edge"))).hasSize(2);
		shot("scenario");

		navigate("#/sessions");
		waitFor(By.id("sessions-table"));
		shot("sessions");
		driver.findElement(By.linkText(recorded.session())).click();
		waitFor(By.cssSelector(".show-trace")).click();
		waitUntil(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".timeline .phase"), 5));
		assertThat(driver.findElement(By.cssSelector(".timeline")).getText()).contains("retrieval")
			.contains("refund delay")
			.contains("0.812")
			.contains("enforcement");
		shot("trace");

		navigate("#/keys");
		waitFor(By.id("keys-table"));
		shot("keys");

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
		String configured = System.getenv("RUCHE_SCREENSHOTS_DIR");
		Path dir = (configured != null && !configured.isBlank()) ? Path.of(configured)
				: Path.of("target", "console-screenshots");
		Files.createDirectories(dir);
		Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(file, dir.resolve("console-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private static Map<String, Object> returnScenario() {
		return Map.of("name", "return", "description", "Open a return", "entry_condition",
				"The customer wants to return an item", "steps",
				List.of(Map.of("id", "ask_order", "name", "Ask the order", "instructions", "Ask for the order number",
						"collects", List.of(Map.of("name", "order_number", "pattern", "([A-Z]-\\d+)")), "transitions",
						List.of(Map.of("to", "confirm", "condition", "has(variables.order_number)"))),
						Map.of("id", "confirm", "name", "Confirm", "instructions", "Confirm the return", "transitions",
								List.of(Map.of("to", "done", "when", "The customer confirms"))),
						Map.of("id", "done", "name", "Done", "terminal", true)));
	}

}
