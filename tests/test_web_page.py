"""The chat page end to end: headless Chromium, driven by Selenium, against the real server.

Debian's chromium and chromedriver are used as installed (scripts/install-browser); Selenium
Manager never runs, so nothing is downloaded. Without them the module skips (in CI it fails).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
DOC = "es-sclc-immunotherapy-review"
CASPIAN = "What was the OS hazard ratio in CASPIAN?"
WAIT = 20
# Records the body of every chat request the page sends, in window.sent.
SPY = """
window.sent = [];
const fetchOriginal = window.fetch;
window.fetch = (url, init) => {
  if (String(url).includes("/v1/chat/completions")) window.sent.push(JSON.parse(init.body));
  return fetchOriginal(url, init);
};
"""


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        why = f"{' and '.join(missing)} missing (install: scripts/install-browser)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"the browser test cannot run in CI: {why}")
        pytest.skip(why)
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1200,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    browser.set_page_load_timeout(WAIT)
    yield browser
    browser.quit()


@pytest.fixture
def page(driver: WebDriver, live_server: str) -> WebDriver:
    """A fresh page: a new conversation, the source attribution loaded."""
    driver.get(f"{live_server}/")
    WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#source a"))
    return driver


def replies(driver: WebDriver) -> list[WebElement]:
    return driver.find_elements(By.CSS_SELECTOR, "#log .reply:not(.pending)")


def text_of(element: WebElement) -> str:
    return element.get_attribute("textContent") or ""


def ask(driver: WebDriver, question: str) -> WebElement:
    """Type the question, press Enter, and wait for its reply (or inline error)."""
    before = len(replies(driver))
    box = driver.find_element(By.ID, "question")
    box.send_keys(question, Keys.ENTER)
    WebDriverWait(driver, WAIT).until(lambda d: len(replies(d)) > before)
    return replies(driver)[-1]


def test_an_answer_shows_its_section_and_marked_evidence(
    page: WebDriver, live_server: str, corpus_text: str, tmp_path: Path
) -> None:
    reply = ask(page, CASPIAN)
    page.save_screenshot(str(tmp_path / "answer.png"))  # kept by pytest for a look on failure
    answer = text_of(reply.find_element(By.CSS_SELECTOR, ".answer"))
    assert "0.73" in answer
    assert reply.find_element(By.CSS_SELECTOR, ".section").text.startswith("§4.1.1 First-line")
    assert "%" in reply.find_element(By.CSS_SELECTOR, ".confidence").text
    # textContent, not .text: the review's no-break spaces ("et\u00a0al.") must survive.
    paragraph = text_of(reply.find_element(By.CSS_SELECTOR, ".evidence blockquote"))
    mark = text_of(reply.find_element(By.CSS_SELECTOR, ".evidence mark"))
    assert mark in paragraph and len(paragraph) > len(mark)  # the quote inside its paragraph
    assert mark in corpus_text and "CASPIAN" in mark
    assert answer in mark
    assert text_of(reply.find_element(By.CSS_SELECTOR, ".evidence mark strong")) == answer
    assert not reply.find_elements(By.CSS_SELECTOR, ".resolved")  # the question needed no rewrite
    assert page.switch_to.active_element == page.find_element(By.ID, "question")
    assert page.find_element(By.ID, "question").get_attribute("value") == ""
    assert "0.73" in page.find_element(By.ID, "status").get_attribute("textContent")
    # The whole paragraph, from the keyboard, is the review's text around the quote.
    reply.find_element(By.CSS_SELECTOR, ".evidence figcaption button").send_keys(Keys.ENTER)
    whole = text_of(reply.find_element(By.CSS_SELECTOR, ".evidence blockquote"))
    start = whole.index(mark)
    context = httpx.get(
        f"{live_server}/documents/{DOC}/context",
        params={"start": corpus_text.index(mark), "end": corpus_text.index(mark) + len(mark)},
        timeout=10,
    ).json()
    assert whole == context["text"] and len(whole) > len(paragraph)
    assert corpus_text[context["start"] + start :].startswith(mark)
    assert page.switch_to.active_element == reply.find_element(By.CSS_SELECTOR, "blockquote")


def test_a_follow_up_uses_the_conversation_and_shows_the_resolved_question(
    page: WebDriver,
) -> None:
    page.execute_script(SPY)
    ask(page, CASPIAN)
    reply = ask(page, "and what about IMpower133?")
    assert "0.70" in reply.find_element(By.CSS_SELECTOR, ".answer").text
    resolved = reply.find_element(By.CSS_SELECTOR, ".resolved").text
    assert "IMpower133" in resolved and "hazard ratio" in resolved
    assert [e.text for e in page.find_elements(By.CSS_SELECTOR, "#log .user")] == [
        CASPIAN,
        "and what about IMpower133?",
    ]
    sent = page.execute_script("return window.sent")
    assert [[m["role"] for m in body["messages"]] for body in sent] == [
        ["user"],
        ["user", "assistant", "user"],
    ]
    assert "0.73" in sent[1]["messages"][1]["content"]
    # Only the reply's first line goes back: a long conversation must fit the 64 KB body limit.
    assert "\n" not in sent[1]["messages"][1]["content"]
    page.find_element(By.ID, "new").click()
    assert not page.find_elements(By.CSS_SELECTOR, "#log > *")
    assert page.switch_to.active_element == page.find_element(By.ID, "question")
    ask(page, "What is tarlatamab?")
    assert page.execute_script("return window.sent")[-1]["messages"] == [
        {"role": "user", "content": "What is tarlatamab?"}
    ]


def test_an_unanswerable_question_is_shown_as_an_abstention(page: WebDriver) -> None:
    question = "What is the capital of <b>France</b>?"  # typed markup stays text
    reply = ask(page, question)
    assert page.find_element(By.CSS_SELECTOR, "#log .user").text == question
    assert not page.find_elements(By.CSS_SELECTOR, "#log b")
    assert "abstention" in (reply.get_attribute("class") or "")
    abstained = reply.find_element(By.CSS_SELECTOR, ".abstained").text
    assert abstained.startswith("Not answered by the review.") and "France" in abstained
    assert not reply.find_elements(By.CSS_SELECTOR, ".answer, .evidence")
    assert page.switch_to.active_element == page.find_element(By.ID, "question")


def test_a_blank_question_does_nothing_and_a_long_one_shows_the_server_error(
    page: WebDriver,
) -> None:
    box = page.find_element(By.ID, "question")
    box.send_keys("   ", Keys.ENTER)
    page.find_element(By.ID, "send").click()
    assert not page.find_elements(By.CSS_SELECTOR, "#log > *")
    assert page.find_element(By.ID, "intro").is_displayed()
    page.execute_script("document.getElementById('question').value = 'x'.repeat(2001)")
    page.find_element(By.ID, "send").click()
    WebDriverWait(page, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#log .failed"))
    error = page.find_element(By.CSS_SELECTOR, "#log .failed .error").text
    assert "over 2000 characters" in error
    assert not page.find_elements(By.CSS_SELECTOR, "#log .answer")
    # The rejected question is given back to be edited, and the page still answers.
    assert len(box.get_attribute("value") or "") == 2001
    box.clear()
    assert "0.73" in ask(page, CASPIAN).find_element(By.CSS_SELECTOR, ".answer").text


def test_the_page_is_self_contained_and_logs_no_errors(driver: WebDriver, live_server: str) -> None:
    try:
        driver.get_log("browser")  # drop what earlier tests logged (e.g. the expected 422)
        logs_available = True
    except WebDriverException:
        logs_available = False
    driver.get(f"{live_server}/")
    WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#source a"))
    ask(driver, CASPIAN)
    assert "immunotherapy" in driver.title.lower() and "SCLC" in driver.title
    doi = httpx.get(f"{live_server}/documents", timeout=10).json()[0]["doi"]
    assert doi and doi in driver.find_element(By.ID, "source").text
    origin = urlsplit(live_server).netloc
    loaded = driver.execute_script(
        "return [...document.querySelectorAll('script[src],link[href],img[src]')]"
        ".map(e => e.src || e.href)"
        ".concat(performance.getEntriesByType('resource').map(e => e.name))"
    )
    assert any(url.endswith("/static/app.js") for url in loaded)
    assert any(url.endswith("/static/app.css") for url in loaded)
    outside = [u for u in loaded if not (u.startswith("data:") or urlsplit(u).netloc == origin)]
    assert not outside, f"the page loads from elsewhere: {outside}"
    if logs_available:
        errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
        assert not errors, errors


def csp_errors(driver: WebDriver) -> list[dict[str, object]]:
    """Console entries about the Content-Security-Policy (a blocked script, style or worker)."""
    try:
        logs = driver.get_log("browser")
    except WebDriverException:
        return []
    return [e for e in logs if "Content Security Policy" in str(e.get("message", ""))]


def test_the_api_docs_render_offline(driver: WebDriver, live_server: str) -> None:
    # FastAPI's stock /docs pulls Swagger UI from a CDN, which these machines cannot reach.
    csp_errors(driver)  # drop what earlier tests logged
    driver.get(f"{live_server}/docs")
    WebDriverWait(driver, WAIT).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")
    )
    paths = {e.text for e in driver.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")}
    assert {"/ask", "/search", "/verify", "/v1/chat/completions"} <= paths
    origin = urlsplit(live_server).netloc
    loaded = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    outside = [u for u in loaded if not (u.startswith("data:") or urlsplit(u).netloc == origin)]
    assert not outside, f"/docs loads from elsewhere: {outside}"
    assert not csp_errors(driver)  # its inline set-up script is allowed by hash


def test_redoc_renders_under_its_policy(driver: WebDriver, live_server: str) -> None:
    csp_errors(driver)
    driver.get(f"{live_server}/redoc")
    WebDriverWait(driver, WAIT).until(
        lambda d: "/v1/chat/completions" in (d.find_element(By.TAG_NAME, "body").text or "")
    )
    # ReDoc's footer asks for its maker's logo from a CDN: the policy blocking that is the
    # point. Nothing of the page's own (its script, styles, search worker) may be blocked.
    origin = urlsplit(live_server).netloc
    for error in csp_errors(driver):
        urls = re.findall(r"'(https?://[^']+)'", str(error["message"]).split(" - ", 1)[-1])
        assert urls and all(urlsplit(u).netloc != origin for u in urls), error


@pytest.fixture(scope="module")
def multi_server(multi_engine: object, multi_settings: object) -> Iterator[str]:
    """The app over the review plus two fixture documents that disagree, served by uvicorn."""
    from readiness import served
    from sclc_qa.service import create_app

    with served(create_app(multi_settings, engine=multi_engine)) as base:  # type: ignore[arg-type]
        yield base


def test_disagreeing_sources_are_shown_side_by_side(driver: WebDriver, multi_server: str) -> None:
    driver.get(f"{multi_server}/")
    WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#source .doc"))
    reply = ask(driver, "What was the overall survival hazard ratio in ORION-7?")
    note = reply.find_element(By.CSS_SELECTOR, "[data-testid=note]")
    assert text_of(note).startswith("The sources disagree")
    columns = reply.find_elements(By.CSS_SELECTOR, "[data-testid=alternative]")
    assert len(columns) == 2
    shown = " ".join(text_of(c) for c in columns)
    assert "0.71" in shown and "0.79" in shown
    assert "ORION-7: interim analysis" in shown and "ORION-7: final overall survival" in shown
    # Several documents: the section line names the document too.
    section = text_of(reply.find_element(By.CSS_SELECTOR, "[data-testid=section]"))
    assert "ORION-7" in section
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors
