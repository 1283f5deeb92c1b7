package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.Scenario.accepted;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless browser (Debian's chromium and chromium-driver, which {@code .ci/run} installs):
 * a systems librarian signs in with their own key, sees the master list laid out like the wiki, and when a ticket is
 * approved through the API the person appears on the open page without a reload. The page also fits a phone's
 * width. A screenshot is saved in {@code target/screenshots/}.
 */
class DashboardPageTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static WebDriver browser;

    @BeforeAll
    static void openTheBrowser() {
        assertThat(new File(CHROMIUM))
                .as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does)")
                .exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER))
                        .build(),
                options);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aSignOffAppearsOnTheOpenPageWithoutAReload() throws Exception {
        Scenario scenario = new Scenario(RunningService.shared().api());
        String base = "http://localhost:" + RunningService.shared().port();
        String key = ownKey(scenario, scenario.librarian);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get(base + "/ui");
        assertThat(browser.getCurrentUrl()).as("sent to sign in").endsWith("/ui/sign-in");
        browser.findElement(By.id("key")).sendKeys("desk-0.not-the-secret");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        // the form posts and the refusal comes back as a new page: wait for it rather than race the navigation
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")))
                        .getText())
                .contains("does not open");
        browser.findElement(By.id("key")).sendKeys(key);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#list h2")));
        assertThat(browser.findElement(By.cssSelector("label[for=search]")).getText())
                .isNotBlank();

        String ticket = scenario.ticketAwaitingReview();
        By amy = By.cssSelector("li[data-staff='" + scenario.requester + "']");
        assertThat(browser.findElements(amy)).isEmpty();
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");

        accepted(scenario.approve(ticket, scenario.librarian, false));

        wait.until(ExpectedConditions.presenceOfElementLocated(amy));
        assertThat(browser.findElement(amy).getText()).contains("Amy Dittman").contains("(" + scenario.unit + ")");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true;"))
                .as("no reload")
                .isEqualTo(true);
        screenshot("master-list");

        browser.findElement(By.id("search")).sendKeys(scenario.unit);
        wait.until(driver -> driver.findElements(By.cssSelector("#list li[data-staff]")).stream()
                .allMatch(person -> person.getText().contains(scenario.unit)));
        assertThat(browser.findElements(amy)).hasSize(1);

        browser.get(base + "/ui/work-queue");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queue-body")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Waiting on me");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(base + "/ui");
        wait.until(ExpectedConditions.presenceOfElementLocated(amy));
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).longValue())
                .as("no sideways scrolling at phone width")
                .isLessThanOrEqualTo(0);
        screenshot("master-list-phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    /** A person's own key, with what the page needs. */
    private static String ownKey(Scenario scenario, String person) {
        Api.Response response = scenario.admin.post("/api-clients", """
                {"clientId": "desk-%s", "name": "Lara's desk", "staffId": "%s",
                 "operations": ["master-list:read", "tickets:read"]}""".formatted(person, person));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().get("key").asText();
    }

    private static void screenshot(String name) throws Exception {
        Path folder = Path.of("target", "screenshots");
        Files.createDirectories(folder);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
